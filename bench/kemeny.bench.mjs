// Exact Kemeny–Young of @persona/aggregation (imports the BUILT package: run `npx tsc -b` first).
// Input simulated here with a fixed seed: n weighted strict rankings from noisy utilities
// (candidate quality + N(0, 1.5²) per voter), lognormal survey weights (σ = 0.5).
// Figures: wall-clock ms of `kemeny(profile)` on a fresh profile, which includes the weighted
// majority-matrix build (10,000 ballots × m²) and the O(2^m m²) dynamic program; target ≤ 5 s at m = 15.
import { kemeny } from '@persona/aggregation';

import { simulatedRankings } from './simulated-rankings.mjs';

const SEED = 20240601;

function profile(m, n) {
  return simulatedRankings(m, n, SEED, `kemeny-${m}-${n}`);
}

function measure(m, n) {
  const p = profile(m, n);
  const t = performance.now();
  const result = kemeny(p);
  const ms = performance.now() - t;
  return { candidates: m, ballots: n, ms: Number(ms.toFixed(1)), exact: result.exact, unique: result.unique, kemenyScore: result.kemenyScore, rssMiB: Math.round(process.memoryUsage().rss / 2 ** 20) };
}

export async function run() {
  return {
    m15: measure(15, 10_000),
    m18: measure(18, 10_000),
    m20: measure(20, 10_000),
  };
}
