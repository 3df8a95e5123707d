// Exact Kemeny–Young of @persona/aggregation (imports the BUILT package: run `npx tsc -b` first).
// Input simulated here with a fixed seed: n weighted strict rankings from noisy utilities
// (candidate quality + N(0, 1.5²) per voter), lognormal survey weights (σ = 0.5).
// Figures: wall-clock ms of `kemeny(profile)` on a fresh profile, which includes the weighted
// majority-matrix build (10,000 ballots × m²) and the O(2^m m²) dynamic program; target ≤ 5 s at m = 15.
import { Rng } from '@persona/core';
import { kemeny } from '@persona/aggregation';

const SEED = 20240601;

function profile(m, n) {
  const rng = Rng.fromSeed(SEED).split(`kemeny-${m}-${n}`);
  const candidates = Array.from({ length: m }, (_, i) => `c${i}`);
  const quality = Float64Array.from({ length: m }, () => rng.normal());
  const utility = new Float64Array(m);
  const order = Array.from({ length: m }, (_, i) => i);
  const ballots = [];
  for (let v = 0; v < n; v++) {
    for (let c = 0; c < m; c++) utility[c] = quality[c] + 1.5 * rng.normal();
    order.sort((a, b) => utility[b] - utility[a]);
    const levels = new Int32Array(m);
    order.forEach((c, level) => { levels[c] = level; });
    ballots.push({ levels, weight: Math.exp(0.5 * rng.normal()) });
  }
  return { candidates, ballots };
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
