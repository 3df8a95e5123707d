// Bradley–Terry fitting speed (issue #5): seeded random comparisons between items with
// strengths θ ~ N(0, 1), strongly connected (a ring of comparisons both ways), winners
// drawn from the model. Times `bradleyTerry` from typed-array Comparisons (pair
// aggregation, connectivity check and the fit; no standard errors) per method, to the
// stated tolerance: largest score relative to the item's Fisher information ≤ TOL.
// Accuracy is reported as max |θ − θ_ref| against a fit run to 1e-13.
// Reference figure (STACK.md, measured on this machine kind): choix I-LSR on 1,000 items ×
// 100,000 comparisons took 1.1 s (MM 8.0 s, Newton 10.5 s); target ≤ 0.11 s. For 10,000
// items × 1,000,000 comparisons the target is ≤ 2 s.
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Rng } from '@persona/core';
import { bradleyTerry, readComparisons } from '@persona/aggregation';
import { bestOfAsync, loadAverage1min } from './timing.mjs';

const here = dirname(fileURLToPath(import.meta.url));

const TOL = 1e-8;
const REPEATS = 3;

function generate(items, comparisons, seed) {
  const rng = Rng.fromSeed(seed).split('bt-bench');
  const theta = Float64Array.from({ length: items }, () => rng.normal());
  const total = comparisons;
  const first = new Int32Array(total);
  const second = new Int32Array(total);
  for (let k = 0; k < total; k++) {
    let i;
    let j;
    if (k < 2 * items) {
      // ring: item i beats i+1 and loses to it once each
      i = (k >> 1) % items;
      j = (i + 1) % items;
      if (k & 1) [i, j] = [j, i];
    } else {
      i = rng.int(items);
      j = rng.int(items - 1);
      if (j >= i) j++;
      if (rng.next() >= 1 / (1 + Math.exp(theta[j] - theta[i]))) [i, j] = [j, i];
    }
    first[k] = i;
    second[k] = j;
  }
  return {
    items: Array.from({ length: items }, (_, i) => `item${i}`),
    first,
    second,
    outcome: new Uint8Array(total),
    count: new Float64Array(total).fill(1),
    ordered: false,
  };
}

function maxDiff(a, b) {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

async function scenario(items, comparisons, methods, target) {
  const data = generate(items, comparisons, 20240611);
  const reference = await bradleyTerry(data, { method: 'mm', tol: 1e-13, standardErrors: false });
  const out = { items, comparisons, tolerance: `max_i |score_i| / information_ii <= ${TOL}`, targetSeconds: target, methods: {} };
  for (const method of methods) {
    const { wall, cpu, result } = await bestOfAsync(() => bradleyTerry(data, { method, tol: TOL, standardErrors: false }), REPEATS);
    out.methods[method] = {
      seconds: Number(wall.toFixed(4)),
      cpuSeconds: Number(cpu.toFixed(4)),
      iterations: result.iterations,
      converged: result.converged,
      maxRelativeScore: result.maxRelativeScore,
      maxAbsThetaError: maxDiff(result.logStrength, reference.logStrength),
      withinTarget: wall <= target,
    };
  }
  return out;
}

// Reading: the large scenario written as a winner,loser CSV (bench/data/, generated once).
async function readScenario(items, comparisons) {
  const path = join(here, 'data', `bt-${items}x${comparisons}-seed20240611.csv`);
  if (!existsSync(path)) {
    const data = generate(items, comparisons, 20240611);
    const lines = ['winner,loser'];
    for (let k = 0; k < comparisons; k++) lines.push(`${data.items[data.first[k]]},${data.items[data.second[k]]}`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(`${path}.partial`, `${lines.join('\n')}\n`);
    renameSync(`${path}.partial`, path);
  }
  const { wall, cpu } = await bestOfAsync(() => readComparisons(path), REPEATS);
  return { rows: comparisons, seconds: Number(wall.toFixed(4)), cpuSeconds: Number(cpu.toFixed(4)) };
}

export async function run() {
  return {
    choixIlsrSecondsReference: 1.1,
    loadAverage1min: loadAverage1min(),
    small: await scenario(1000, 100_000, ['newton', 'mm', 'ilsr'], 0.11),
    large: await scenario(10_000, 1_000_000, ['newton', 'mm', 'ilsr'], 2),
    readCsv: await readScenario(10_000, 1_000_000),
  };
}
