// Extended paired-comparison and ranking models of @persona/aggregation (imports the BUILT
// package: run `npx tsc -b` first). Inputs are simulated here with fixed seeds.
// Figures: wall-clock and CPU milliseconds of one run, plus fit diagnostics.
//  - Plackett–Luce: 1,000 items × 100,000 subset rankings of length 4 (MM; with and without SEs).
//  - Latent-class Bradley–Terry: 1,000 judges × 50 comparisons over 20 items, two true groups,
//    K = 1…4 by BIC (5 seeded starts per K).
import { Rng } from '@persona/core';
import { plackettLuce, selectMixtureClasses } from '@persona/aggregation';
import { measure } from './timing.mjs';

/** Wall-clock and CPU milliseconds of one call (CPU time is the figure to trust on a busy machine). */
function time(fn) {
  const { wall, cpu, result } = measure(fn);
  return { ms: Number((wall * 1000).toFixed(1)), cpuMs: Number((cpu * 1000).toFixed(1)), result };
}

function pearson(x, y) {
  const n = x.length;
  let mx = 0, my = 0;
  for (let i = 0; i < n; i++) { mx += x[i] / n; my += y[i] / n; }
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) { sxy += (x[i] - mx) * (y[i] - my); sxx += (x[i] - mx) ** 2; syy += (y[i] - my) ** 2; }
  return sxy / Math.sqrt(sxx * syy);
}

function plackettLuceInput(items, count, length, seed) {
  const rng = Rng.fromSeed(seed).split('pl');
  const logWorth = Float64Array.from({ length: items }, () => rng.normal());
  const worth = logWorth.map(Math.exp);
  const order = new Int32Array(count * length);
  const offsets = Int32Array.from({ length: count + 1 }, (_, r) => r * length);
  const chosen = new Int32Array(length);
  for (let r = 0; r < count; r++) {
    for (let k = 0; k < length; k++) {
      let i;
      do { i = rng.int(items); } while (chosen.subarray(0, k).includes(i));
      chosen[k] = i;
    }
    // draw the order by successive PL choices
    const left = Array.from(chosen);
    for (let s = 0; s < length; s++) {
      let total = 0;
      for (const i of left) total += worth[i];
      let u = rng.next() * total;
      let pick = left.length - 1;
      for (let t = 0; t < left.length; t++) { u -= worth[left[t]]; if (u < 0) { pick = t; break; } }
      order[r * length + s] = left[pick];
      left.splice(pick, 1);
    }
  }
  const names = Array.from({ length: items }, (_, i) => `item${i}`);
  return { rankings: { items: names, offsets, order, weight: new Float64Array(count).fill(1) }, logWorth };
}

function mixtureInput(judges, per, items, seed) {
  const rng = Rng.fromSeed(seed).split('mixture');
  const a = Float64Array.from({ length: items }, () => rng.normal());
  const groups = [a, a.map((v) => -v)];
  const first = new Int32Array(judges * per), second = new Int32Array(judges * per), judge = new Int32Array(judges * per);
  for (let g = 0; g < judges; g++) {
    const theta = groups[g % 2];
    for (let c = 0; c < per; c++) {
      const e = g * per + c;
      const i = rng.int(items);
      let j = rng.int(items - 1);
      if (j >= i) j++;
      const iWins = rng.next() < 1 / (1 + Math.exp(theta[j] - theta[i]));
      first[e] = iWins ? i : j;
      second[e] = iWins ? j : i;
      judge[e] = g;
    }
  }
  return {
    items: Array.from({ length: items }, (_, i) => `item${i}`), first, second,
    outcome: new Uint8Array(judges * per), count: new Float64Array(judges * per).fill(1), ordered: false,
    judge, judges: Array.from({ length: judges }, (_, g) => `persona-${g}`),
  };
}

export async function run() {
  const pl = plackettLuceInput(1000, 100_000, 4, 20261127);
  const noSe = time(() => plackettLuce(pl.rankings, { standardErrors: false, tolerance: 1e-8 }));
  const withSe = time(() => plackettLuce(pl.rankings, { tolerance: 1e-8 }));
  const data = mixtureInput(1000, 50, 20, 20261127);
  const mixture = time(() => selectMixtureClasses(data, { classes: [1, 2, 3, 4], starts: 5, seed: 1 }));
  return {
    plackettLuce: {
      items: 1000, rankings: 100_000, length: 4,
      msWithoutSe: noSe.ms, cpuMsWithoutSe: noSe.cpuMs, msWithSe: withSe.ms, cpuMsWithSe: withSe.cpuMs,
      iterations: noSe.result.iterations, converged: noSe.result.converged,
      correlationWithTruth: Number(pearson(noSe.result.logWorth, pl.logWorth).toFixed(4)),
      medianSe: Number(Array.from(withSe.result.se).sort((x, y) => x - y)[500].toFixed(4)),
    },
    mixtureBradleyTerry: {
      judges: 1000, comparisonsPerJudge: 50, items: 20, starts: 5,
      msTotalK1to4: mixture.ms, cpuMsTotalK1to4: mixture.cpuMs,
      chosenK: mixture.result.chosen,
      bic: Object.fromEntries(mixture.result.bic.map((b) => [`K=${b.classes}`, Number(b.bic.toFixed(2))])),
      iterationsBestStart: Object.fromEntries(mixture.result.fits.map((f) => [`K=${f.classes}`, f.iterations])),
      converged: mixture.result.fits.every((f) => f.converged),
    },
  };
}
