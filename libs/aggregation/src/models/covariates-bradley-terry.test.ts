import { InputError } from '@persona/core';
import { describe, expect, it } from 'vitest';
import { approxEqual } from '../../test/approx-equal.js';
import { readModelFixture, winnerLoserComparisons } from '../../test/model-fixtures.js';
import { message } from '../messages.js';
import { judgeCovariateBradleyTerry } from './covariates-judge-bradley-terry.js';
import { structuredBradleyTerry } from './covariates-structured-bradley-terry.js';
import type { JudgedComparisons } from './judged-comparisons.js';

interface StructuredCase {
  items: string[];
  covariateNames: string[];
  covariates: number[][];
  winner: string[];
  loser: string[];
  count: number[];
  coefficients: number[];
  se: number[];
  logLik: number;
}
interface JudgeCase {
  items: string[];
  judges: string[];
  covariateNames: string[];
  covariates: number[][];
  winner: string[];
  loser: string[];
  judge: number[];
  theta: number[];
  thetaSe: number[];
  gamma: number[][];
  gammaSe: number[][];
  logLik: number;
}
const structured = readModelFixture<StructuredCase>('structured-bt.json');
const judged = readModelFixture<JudgeCase>('judge-covariates-bt.json');

function judgedData(c: JudgeCase): JudgedComparisons {
  return { ...winnerLoserComparisons(c.items, c.winner, c.loser), judge: Int32Array.from(c.judge), judges: c.judges };
}
const judgeCovariates = (c: JudgeCase) => ({ names: c.covariateNames, values: Float64Array.from(c.covariates.flat()) });

describe('structuredBradleyTerry', () => {
  it('matches R glm(binomial) on the covariate-difference design (and BTm(~ x1[..] + x2[..]))', () => {
    const c = structured;
    const fit = structuredBradleyTerry(winnerLoserComparisons(c.items, c.winner, c.loser, c.count), {
      names: c.covariateNames,
      values: Float64Array.from(c.covariates.flat()),
    });
    expect(fit.converged).toBe(true);
    c.coefficients.forEach((b, k) => {
      // oracle: make-fixtures.R §2, glm(cbind(y, n - y) ~ 0 + D, binomial); BTm agrees there to 1e-9
      approxEqual(fit.coefficients[k], b, 1e-6);
      approxEqual(fit.se[k], c.se[k], 1e-6);
    });
    approxEqual(fit.logLik, c.logLik, 1e-9);
    // closed form: λ_i = (x_i − x̄)ᵀβ
    const xbar = [0, 1].map((k) => c.covariates.reduce((s, row) => s + row[k], 0) / c.items.length);
    c.items.forEach((_, i) =>
      approxEqual(fit.logStrength[i], (c.covariates[i][0] - xbar[0]) * c.coefficients[0] + (c.covariates[i][1] - xbar[1]) * c.coefficients[1], 1e-6),
    );
  });

  it('rejects covariates with the wrong number of rows, non-finite values, and a constant covariate', () => {
    const c = structured;
    const data = winnerLoserComparisons(c.items, c.winner, c.loser, c.count);
    expect(() => structuredBradleyTerry(data, { names: ['x'], values: new Float64Array(3) })).toThrow(
      message.covariateShape('item covariates', 8, 3),
    );
    const bad = Float64Array.from(c.covariates.flat());
    bad[5] = NaN;
    expect(() => structuredBradleyTerry(data, { names: c.covariateNames, values: bad })).toThrow(
      message.covariateNotFinite('item covariates', 2, 'x2'),
    );
    expect(() => structuredBradleyTerry(data, { names: ['one'], values: new Float64Array(8).fill(1) })).toThrow(
      message.designRankDeficient('structured Bradley–Terry'),
    );
  });
});

describe('judgeCovariateBradleyTerry', () => {
  it('matches R glm(binomial) with item × judge-covariate interactions, centred per block', () => {
    const c = judged;
    const fit = judgeCovariateBradleyTerry(judgedData(c), judgeCovariates(c));
    expect(fit.converged).toBe(true);
    c.items.forEach((_, i) => {
      // oracle: make-fixtures.R §3, glm on Bernoulli rows with reference item 1, centred to mean zero
      approxEqual(fit.logStrength[i], c.theta[i], 1e-6);
      approxEqual(fit.logStrengthSe[i], c.thetaSe[i], 1e-6);
      for (let k = 0; k < 2; k++) {
        approxEqual(fit.interaction[k][i], c.gamma[k][i], 1e-6);
        approxEqual(fit.interactionSe[k][i], c.gammaSe[k][i], 1e-6);
      }
    });
    approxEqual(fit.logLik, c.logLik, 1e-9);
    // closed form: strengths for a judge = θ + Σ_k γ_k z_k
    const z = [0.5, 1];
    const s = fit.strengthsFor(z);
    c.items.forEach((_, i) => approxEqual(s[i], c.theta[i] + c.gamma[0][i] * z[0] + c.gamma[1][i] * z[1], 1e-6));
    expect(() => fit.strengthsFor([1])).toThrow(message.covariateValuesLength(2, 1));
  });

  it('rejects a judge without comparisons, a bad judge index and a constant judge covariate', () => {
    const c = judged;
    const data = judgedData(c);
    const extra = { ...data, judges: [...c.judges, 'persona-silent'] };
    const z = judgeCovariates(c);
    expect(() => judgeCovariateBradleyTerry(extra, z)).toThrow(InputError);
    expect(() => judgeCovariateBradleyTerry(extra, z)).toThrow(message.judgeWithoutComparisons('persona-silent'));
    const badIndex = { ...data, judge: Int32Array.from(c.judge, (g, e) => (e === 3 ? 99 : g)) };
    expect(() => judgeCovariateBradleyTerry(badIndex, z)).toThrow(message.badJudgeIndex(99, 40));
    expect(() => judgeCovariateBradleyTerry(data, { names: ['k'], values: new Float64Array(40).fill(2) })).toThrow(
      message.designRankDeficient('judge-covariate Bradley–Terry'),
    );
  });
});
