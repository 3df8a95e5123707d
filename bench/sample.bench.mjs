// Sampling and variance benchmarks for @persona/raking (imports the BUILT package: run `npx tsc -b` first).
// Figures: milliseconds (median of repeats where noted). Inputs are generated here with fixed seeds.
import { mkdirSync, writeFileSync } from 'node:fs';
import { Rng } from '@persona/core';
import {
  aliasTable, balancedSample, cubeSample, inclusionProbabilities, sampleWithReplacement,
  sdrShares, linearisedShares, systematicPpsSample,
} from '@persona/raking';
import { median, repeat } from './timing.mjs';

// Wall-clock and CPU milliseconds (median of repeats); CPU time is the fairer figure on a shared machine.
function time(fn, repeats = 1) {
  const { wall, cpu, result } = repeat(fn, repeats);
  const ms = (seconds) => Number((median(seconds) * 1000).toFixed(1));
  return { ms: ms(wall), cpuMs: ms(cpu), result };
}

function logNormalWeights(size, seed) {
  const rng = Rng.fromSeed(seed);
  return Float64Array.from({ length: size }, () => Math.exp(0.8 * rng.normal()));
}

// A PUMS-like population: 8 categorical variables, 45 categories in all.
const LEVELS = { SEX: 2, AGEGRP: 9, RACE: 7, EDU: 6, REGION: 9, HISP: 2, MAR: 5, INC: 5 };
function population(size, seed) {
  const rng = Rng.fromSeed(seed);
  const columns = {};
  for (const [v, k] of Object.entries(LEVELS)) {
    const col = new Int32Array(size);
    // skewed category shares: P(c) ∝ 1/(c+1)
    const cdf = [];
    let s = 0;
    for (let c = 0; c < k; c++) { s += 1 / (c + 1); cdf.push(s); }
    for (let i = 0; i < size; i++) {
      const u = rng.next() * s;
      let c = 0;
      while (cdf[c] < u) c++;
      col[i] = c;
    }
    columns[v] = col;
  }
  return { columns, weights: logNormalWeights(size, `${seed}/w`) };
}

function maxMarginDeviation(balance) {
  let worst = 0;
  for (const cells of Object.values(balance)) {
    for (const { expected, sample } of Object.values(cells)) worst = Math.max(worst, Math.abs(sample - expected));
  }
  return Number(worst.toFixed(3));
}

export async function run() {
  const out = {};

  // 1. Alias method: 1M draws from 1M weights.
  const w1m = logNormalWeights(1_000_000, 'alias');
  const build = time(() => aliasTable(w1m), 3);
  const draw = time(() => sampleWithReplacement(build.result, 1_000_000, Rng.fromSeed(1)), 3);
  out.aliasBuild1M = { ms: build.ms, cpuMs: build.cpuMs };
  out.aliasDraw1M = { ms: draw.ms, cpuMs: draw.cpuMs };

  // 2. Systematic PPS: n = 10,000 from 1M (π capped at 1, random order).
  const figures = ({ ms, cpuMs }) => ({ ms, cpuMs });
  out.systematicPps10kFrom1M = figures(time(() => systematicPpsSample(w1m, 10_000, Rng.fromSeed(2)), 3));
  out.systematicPps10kFrom1MRandomOrder = figures(time(() => systematicPpsSample(w1m, 10_000, Rng.fromSeed(2), { order: 'random' }), 3));

  // 3. Cube method: n = 1,586 from 34,415 rows, balancing on the 45 margin categories.
  const pop = population(34_415, 'cube');
  const variables = Object.keys(LEVELS);
  const balanced = time(() => balancedSample(pop.columns, variables, pop.weights, 1586, Rng.fromSeed(3)), 3);
  out.balancedSample1586From34415 = {
    ms: balanced.ms,
    cpuMs: balanced.cpuMs,
    balancingColumns: 1 + Object.values(LEVELS).reduce((s, k) => s + k - 1, 0),
    landingUnits: balanced.result.landingUnits,
    droppedConstraints: balanced.result.droppedConstraints,
    maxAbsCountDeviation: maxMarginDeviation(balanced.result.balance),
  };
  const pik = inclusionProbabilities(pop.weights, 1586);
  // The same population for R's sampling::samplecube, timed by
  // libs/raking/test/fixtures/r-sampling/samplecube-timing.R (run it after this bench).
  mkdirSync(new URL('./data/', import.meta.url), { recursive: true });
  const csv = [[...variables, 'pik'].join(',')];
  for (let k = 0; k < pik.length; k++) csv.push([...variables.map((v) => pop.columns[v][k]), pik[k].toPrecision(17)].join(','));
  writeFileSync(new URL('./data/cube-34415.csv', import.meta.url), `${csv.join('\n')}\n`);
  const indicators = [];
  for (const v of variables) {
    for (let c = 0; c < LEVELS[v]; c++) indicators.push(Float64Array.from(pop.columns[v], (x, k) => (x === c ? pik[k] : 0)));
  }
  const generic = time(() => cubeSample(pik, indicators, Rng.fromSeed(4)), 1);
  out.cubeSampleGeneric1586From34415 = {
    ms: generic.ms,
    cpuMs: generic.cpuMs,
    balancingColumns: indicators.length,
    sampleSize: generic.result.sample.length,
    landingUnits: generic.result.landingUnits,
  };

  // 3b. The same from 1M rows (balancedSample, cells collapsed).
  const big = population(1_000_000, 'cube-1m');
  const balancedBig = time(() => balancedSample(big.columns, variables, big.weights, 1586, Rng.fromSeed(5)), 1);
  out.balancedSample1586From1M = {
    ms: balancedBig.ms,
    cpuMs: balancedBig.cpuMs,
    landingUnits: balancedBig.result.landingUnits,
    maxAbsCountDeviation: maxMarginDeviation(balancedBig.result.balance),
  };

  // 4. SDR standard errors of 12 shares on 1M rows × 80 replicate weights (ACS PWGTP1..80 form).
  const rng = Rng.fromSeed('sdr');
  const size = 1_000_000;
  const weights = Int32Array.from(w1m, (w) => Math.max(1, Math.round(40 * w)));
  const category = Int32Array.from({ length: size }, () => rng.int(12));
  const factors = [1 - 2 ** -0.5, 1, 1, 1 + 2 ** -0.5];
  const replicates = Array.from({ length: 80 }, () => Int32Array.from(weights, (w) => Math.round(w * factors[rng.int(4)])));
  const design = { weights, replicates };
  out.sdrShares12On1Mx80 = figures(time(() => sdrShares(design, category), 3));
  out.linearisedShares12On1M = figures(time(() => linearisedShares({ weights }, category), 1));
  return out;
}
