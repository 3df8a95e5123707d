// Simulated weighted strict rankings shared by the social-choice benchmarks (not a benchmark
// itself: bench/run.js only runs *.bench.mjs). Candidate quality N(0, 1), each voter's utility
// quality + N(0, 1.5²), ballots are the utility orders, survey weights lognormal (σ = 0.5);
// the stream is `Rng.fromSeed(seed).split(key)`, so a (seed, key) pair always gives the same profile.
import { Rng } from '@persona/core';

/** A profile of `n` strict rankings of `m` candidates `c0…c{m−1}`, in the in-memory `Profile` form. */
export function simulatedRankings(m, n, seed, key) {
  const rng = Rng.fromSeed(seed).split(key);
  const candidates = Array.from({ length: m }, (_, i) => `c${i}`);
  const quality = Float64Array.from({ length: m }, () => rng.normal());
  const utility = new Float64Array(m);
  const order = Array.from({ length: m }, (_, i) => i);
  const ballots = [];
  for (let v = 0; v < n; v++) {
    for (let c = 0; c < m; c++) utility[c] = quality[c] + 1.5 * rng.normal();
    order.sort((a, b) => utility[b] - utility[a]);
    const levels = new Int32Array(m);
    order.forEach((c, level) => {
      levels[c] = level;
    });
    ballots.push({ levels, weight: Math.exp(0.5 * rng.normal()) });
  }
  return { candidates, ballots };
}
