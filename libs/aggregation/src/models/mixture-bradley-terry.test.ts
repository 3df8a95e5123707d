import { InputError, Rng } from '@persona/core';
import { describe, expect, it } from 'vitest';
import { adjustedRandIndex, pearson } from '../../test/adjusted-rand-index.js';
import { approxEqual } from '../../test/approx-equal.js';
import { message } from '../messages.js';
import type { JudgedComparisons } from './judged-comparisons.js';
import { mixtureBradleyTerry } from './mixture-bradley-terry.js';
import { selectMixtureClasses } from './mixture-class-selection.js';

const ITEMS = Array.from({ length: 10 }, (_, i) => `item${i}`);
const STRENGTH_A = Float64Array.from(ITEMS, (_, i) => -1.5 + (3 * i) / (ITEMS.length - 1));
const STRENGTH_B = STRENGTH_A.map((v) => -v);

/** Judges in groups with the given strengths; each judge makes `per` BT comparisons of random pairs. */
function simulate(groups: Float64Array[], judgesPerGroup: number, per: number, seed: number) {
  const rng = Rng.fromSeed(seed).split('mixture-test');
  const first: number[] = [], second: number[] = [], judge: number[] = [], truth: number[] = [];
  const judges: string[] = [];
  groups.forEach((theta, k) => {
    for (let j = 0; j < judgesPerGroup; j++) {
      const g = judges.length;
      judges.push(`persona-${g}`);
      truth.push(k);
      for (let c = 0; c < per; c++) {
        const a = rng.int(ITEMS.length);
        let b = rng.int(ITEMS.length - 1);
        if (b >= a) b++;
        const aWins = rng.next() < 1 / (1 + Math.exp(theta[b] - theta[a]));
        first.push(aWins ? a : b);
        second.push(aWins ? b : a);
        judge.push(g);
      }
    }
  });
  const data: JudgedComparisons = {
    items: ITEMS,
    first: Int32Array.from(first),
    second: Int32Array.from(second),
    outcome: new Uint8Array(first.length),
    count: new Float64Array(first.length).fill(1),
    ordered: false,
    judge: Int32Array.from(judge),
    judges,
  };
  return { data, truth };
}

describe('mixtureBradleyTerry / selectMixtureClasses', () => {
  it('recovers two groups of judges with opposite preferences: K = 2 by BIC, memberships and strengths', () => {
    const { data, truth } = simulate([STRENGTH_A, STRENGTH_B], 40, 30, 1);
    const selection = selectMixtureClasses(data, { classes: [1, 2, 3], starts: 4, seed: 7 });
    expect(selection.chosen).toBe(2);
    const fit = selection.best;
    // oracle: the simulation's own group labels (closed form: truth is known)
    expect(adjustedRandIndex(fit.assignment, truth)).toBeGreaterThanOrEqual(0.9);
    const classOfA = fit.assignment[0];
    expect(pearson(fit.logStrength[classOfA], STRENGTH_A)).toBeGreaterThanOrEqual(0.95);
    expect(pearson(fit.logStrength[1 - classOfA], STRENGTH_B)).toBeGreaterThanOrEqual(0.95);
    // BIC is −2ℓ + p log(judges) with p = K(n − 1) + K − 1
    for (const f of selection.fits) approxEqual(f.bic, -2 * f.logLik + (f.classes * 9 + f.classes - 1) * Math.log(80));
  });

  it('chooses K = 1 when all judges share one preference', () => {
    const { data } = simulate([STRENGTH_A], 80, 30, 2);
    const selection = selectMixtureClasses(data, { classes: [1, 2, 3], starts: 4, seed: 7 });
    expect(selection.chosen).toBe(1);
    expect(pearson(selection.best.logStrength[0], STRENGTH_A)).toBeGreaterThanOrEqual(0.95);
  });

  it('never lowers the log-likelihood between EM iterations, for every start (EM ascent property)', () => {
    const { data } = simulate([STRENGTH_A, STRENGTH_B], 20, 20, 3);
    const fit = mixtureBradleyTerry(data, { classes: 3, starts: 5, seed: 11 });
    for (const start of fit.starts) {
      for (let t = 1; t < start.trace.length; t++) {
        // Dempster, Laird & Rubin (1977), Theorem 1: ℓ(θ_{t+1}) ≥ ℓ(θ_t), up to rounding
        expect(start.trace[t]).toBeGreaterThanOrEqual(start.trace[t - 1] - 1e-9 * Math.abs(start.trace[t - 1]));
      }
    }
    expect(fit.logLik).toBe(Math.max(...fit.starts.map((s) => s.logLik)));
    // posterior rows are probability vectors
    for (let g = 0; g < data.judges.length; g++) approxEqual(fit.posterior[g * 3] + fit.posterior[g * 3 + 1] + fit.posterior[g * 3 + 2], 1, 1e-12);
  });

  it('is reproducible: the same seed gives identical fits', () => {
    const { data } = simulate([STRENGTH_A, STRENGTH_B], 10, 20, 4);
    const a = mixtureBradleyTerry(data, { classes: 2, starts: 3, seed: 'x' });
    const b = mixtureBradleyTerry(data, { classes: 2, starts: 3, seed: 'x' });
    expect(JSON.stringify({ ...b, logStrength: b.logStrength.map((t) => Array.from(t)) })).toBe(
      JSON.stringify({ ...a, logStrength: a.logStrength.map((t) => Array.from(t)) }),
    );
  });

  it('rejects K < 1, K above the number of judges, zero starts, empty comparisons and a silent judge', () => {
    const { data } = simulate([STRENGTH_A], 3, 20, 5);
    expect(() => mixtureBradleyTerry(data, { classes: 0 })).toThrow(InputError);
    expect(() => mixtureBradleyTerry(data, { classes: 0 })).toThrow(message.badClassCount(0));
    expect(() => mixtureBradleyTerry(data, { classes: 4 })).toThrow(message.tooManyClasses(4, 3));
    expect(() => mixtureBradleyTerry(data, { classes: 2, starts: 0 })).toThrow(message.badStarts(0));
    const empty = { ...data, first: new Int32Array(0), second: new Int32Array(0), outcome: new Uint8Array(0), count: new Float64Array(0), judge: new Int32Array(0) };
    expect(() => mixtureBradleyTerry(empty, { classes: 1 })).toThrow(message.modelNoComparisons('latent-class Bradley–Terry'));
    const silent = { ...data, judges: [...data.judges, 'persona-quiet'] };
    expect(() => mixtureBradleyTerry(silent, { classes: 1 })).toThrow(message.judgeWithoutComparisons('persona-quiet'));
  });
});

describe('adjustedRandIndex (test helper)', () => {
  it('matches the scikit-learn documentation example and is 1 for relabelled identical partitions', () => {
    // oracle: sklearn.metrics.adjusted_rand_score([0, 0, 1, 1], [0, 0, 1, 2]) = 0.5714… (= 4/7 by hand:
    // index 1, expected 2·1/6, max 3/2 → (1 − 1/3)/(3/2 − 1/3))
    approxEqual(adjustedRandIndex([0, 0, 1, 1], [0, 0, 1, 2]), 4 / 7);
    approxEqual(adjustedRandIndex([0, 0, 1, 1], [1, 1, 0, 0]), 1);
  });
});
