// Social-choice rules of @persona/aggregation (imports the BUILT package: run `npx tsc -b` first).
// Inputs simulated here with a fixed seed: weighted strict rankings from noisy utilities
// (candidate quality N(0,1) + N(0, 1.5²) per voter and candidate), lognormal survey weights (σ = 0.5).
// Figures: wall-clock ms (`…Ms`) and CPU ms (`…CpuMs`, user + system, fairer on a loaded machine):
// - 1,000 candidates × 1,000 ballots: the weighted margin matrix (built once, memoised), then
//   Schulze (Floyd–Warshall widest paths) and ranked pairs (--tiebreak none and lexicographic)
//   on that matrix; targets ≤ 2 s each for Schulze and ranked pairs.
// - 1,000,000 ballots × 10 candidates: plurality, Borda and IRV (each from the ballots).
import { Rng } from '@persona/core';
import { borda, irv, majorityMatrix, plurality, rankedPairs, schulze } from '@persona/aggregation';

const SEED = 20240601;

function profile(m, n) {
  const rng = Rng.fromSeed(SEED).split(`social-choice-${m}-${n}`);
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

/** Wall-clock and CPU (user + system) milliseconds; CPU is the fairer figure on a shared machine. */
function time(f) {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const value = f();
  const used = process.cpuUsage(cpu);
  return { ms: Number((performance.now() - t).toFixed(1)), cpuMs: Math.round((used.user + used.system) / 1000), value };
}

export async function run() {
  const big = profile(1000, 1000);
  const matrix = time(() => majorityMatrix(big));
  const sch = time(() => schulze(big));
  const rpNone = time(() => rankedPairs(big, 'none'));
  const rpLex = time(() => rankedPairs(big, 'lexicographic'));
  const many = profile(10, 1_000_000);
  const pl = time(() => plurality(many));
  const bo = time(() => borda(many));
  const ir = time(() => irv(many));
  return {
    m1000_n1000: {
      candidates: 1000,
      ballots: 1000,
      marginMatrixMs: matrix.ms,
      marginMatrixCpuMs: matrix.cpuMs,
      schulzeMs: sch.ms,
      schulzeCpuMs: sch.cpuMs,
      rankedPairsNoneMs: rpNone.ms,
      rankedPairsNoneCpuMs: rpNone.cpuMs,
      rankedPairsLexicographicMs: rpLex.ms,
      rankedPairsLexicographicCpuMs: rpLex.cpuMs,
      schulzeWinner: sch.value.winners,
      rankedPairsWinner: rpNone.value.winners,
    },
    m10_n1000000: {
      candidates: 10,
      ballots: 1_000_000,
      pluralityMs: pl.ms,
      pluralityCpuMs: pl.cpuMs,
      bordaMs: bo.ms,
      bordaCpuMs: bo.cpuMs,
      irvMs: ir.ms,
      irvCpuMs: ir.cpuMs,
      winners: { plurality: pl.value.winners, borda: bo.value.winners, irv: ir.value.winners },
    },
    rssMiB: Math.round(process.memoryUsage().rss / 2 ** 20),
  };
}
