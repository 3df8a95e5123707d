// Social-choice rules of @persona/aggregation (imports the BUILT package: run `npx tsc -b` first).
// Inputs simulated here with a fixed seed: weighted strict rankings from noisy utilities
// (candidate quality N(0,1) + N(0, 1.5²) per voter and candidate), lognormal survey weights (σ = 0.5).
// Figures: wall-clock ms (`…Ms`) and CPU ms (`…CpuMs`, user + system, fairer on a loaded machine):
// - 1,000 candidates × 1,000 ballots: the weighted margin matrix alone, then Schulze (Floyd–Warshall
//   widest paths) and ranked pairs (--tiebreak none and lexicographic) each on a fresh profile object
//   (the matrix is memoised per object), so `schulzeMs`, `rankedPairs…Ms` INCLUDE the matrix build;
//   targets ≤ 2 s each for Schulze and ranked pairs.
// - 1,000,000 ballots × 10 candidates: plurality, Borda and IRV (each from the ballots).
import { borda, irv, majorityMatrix, plurality, rankedPairs, schulze } from '@persona/aggregation';
import { simulatedRankings } from './simulated-rankings.mjs';
import { measure } from './timing.mjs';

const SEED = 20240601;

function profile(m, n) {
  return simulatedRankings(m, n, SEED, `social-choice-${m}-${n}`);
}

/** Wall-clock and CPU (user + system) milliseconds; CPU is the fairer figure on a shared machine. */
function time(f) {
  const { wall, cpu, result } = measure(f);
  return { ms: Number((wall * 1000).toFixed(1)), cpuMs: Math.round(cpu * 1000), value: result };
}

export async function run() {
  const big = profile(1000, 1000);
  const fresh = () => ({ candidates: big.candidates, ballots: big.ballots });
  const matrix = time(() => majorityMatrix(fresh()));
  const sch = time(() => schulze(fresh()));
  const rpNone = time(() => rankedPairs(fresh(), 'none'));
  const rpLex = time(() => rankedPairs(fresh(), 'lexicographic'));
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
