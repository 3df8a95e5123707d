// Representativeness-check benchmark for @persona/metrics (imports the BUILT package: run `npx tsc -b` first).
// checkRepresentativeness on N = 1,000,000 rows × 12 variables of the embedded ACS margins
// (string columns as a table reader gives them, drawn from the margins with a seed; half the runs
// with log-normal weights), 1,000 noise draws per variable, without and with the 3 default pairs
// (pumsJointTargets timed apart, once). Times the whole call:
// encoding the columns, shares, distances, tests, noise bands, ASMD and linearised standard errors.
// Median of 5 runs after a warm-up (wall and process CPU time).
// Standalone: `node bench/metrics.bench.mjs` prints the JSON.
import { Rng } from '@persona/core';
import { loadDefaultMargins } from '@persona/census';
import { checkRepresentativeness, pumsJointTargets } from '@persona/metrics';
import { median, repeat } from './timing.mjs';

const N = 1_000_000;
const DRAWS = 1000;
const RUNS = 5;

function generate(margins, n, seed) {
  const rng = Rng.fromSeed(seed);
  const columns = {};
  for (const [name, block] of Object.entries(margins.margins)) {
    const keys = Object.keys(block);
    const cum = [];
    let s = 0;
    for (const k of keys) cum.push((s += block[k]));
    const col = new Array(n);
    for (let i = 0; i < n; i++) {
      const u = rng.next() * s;
      let j = 0;
      while (j < keys.length - 1 && u >= cum[j]) j++;
      col[i] = keys[j];
    }
    columns[name] = col;
  }
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) weights[i] = Math.exp(0.5 * rng.normal());
  return { columns, weights };
}

/** Median wall-clock and CPU milliseconds of RUNS calls `f(r)`. */
function medianMs(f) {
  const { wall, cpu } = repeat(f, RUNS);
  return { wallMs: Math.round(median(wall) * 1000), cpuMs: Math.round(median(cpu) * 1000) };
}

export async function run() {
  const margins = loadDefaultMargins();
  const { columns, weights } = generate(margins, N, 2026);
  const variables = Object.keys(margins.margins).length;
  const out = { rows: N, variables, noiseDraws: DRAWS };
  for (const [label, sample] of [['unweighted', { columns }], ['weighted', { columns, weights }]]) {
    checkRepresentativeness(sample, margins, { noiseDraws: DRAWS, seed: 1 });
    out[label] = medianMs((r) => checkRepresentativeness(sample, margins, { noiseDraws: DRAWS, seed: r }));
  }
  // The two-way reference (PUMS seed load + hot deck + raking to 12 margins), then the check with its 3 default pairs.
  const t0 = performance.now();
  const pairs = await pumsJointTargets();
  out.pumsJointTargetsMs = Math.round(performance.now() - t0);
  out.weightedWithPairs = medianMs((r) => checkRepresentativeness({ columns, weights }, margins, { noiseDraws: DRAWS, seed: r, pairs }));
  return { checkRepresentativeness: out };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await run(), null, 2));
