import { describe, expect, it } from 'vitest';
import { approxEqual } from '../../test/approx-equal.js';
import { fixtureComparisons, rFixture } from '../../test/bt-fixtures.js';
import { bradleyTerry } from './bradley-terry.js';
import { evaluateLogLikelihood, parameterLayout } from './bradley-terry-likelihood.js';
import { davidsonPair } from './davidson.js';
import { pairGraph } from './graph.js';
import { raoKupperPair } from './rao-kupper.js';
import { comparisonsFromRows } from './read-comparisons.js';

// Two items, a beats b w times, loses l times, ties t times (n = w + l + t). Both tie models
// have 2 free parameters for the 2 free outcome probabilities, so the MLE reproduces the
// observed shares w/n, l/n, t/n; solving the models' formulas for them gives closed forms.
const w = 7;
const l = 3;
const t = 4;
const n = w + l + t;
const twoItems = comparisonsFromRows([
  { itemA: 'a', itemB: 'b', outcome: 'a', count: w },
  { itemA: 'a', itemB: 'b', outcome: 'b', count: l },
  { itemA: 'a', itemB: 'b', outcome: 'tie', count: t },
]);

describe('Davidson (1970) ties', () => {
  it('has the two-item closed form d = log(w/l), ν = t/√(w l)', async () => {
    // oracle: P(a)/P(b) = e^d = w/l and P(tie)/√(P(a)P(b)) = ν = t/√(wl).
    const fit = await bradleyTerry(twoItems, { ties: 'davidson', tol: 1e-14 });
    approxEqual(fit.logStrength[0] - fit.logStrength[1], Math.log(w / l));
    approxEqual(fit.tieParameter!, t / Math.sqrt(w * l));
    approxEqual(fit.logLik, w * Math.log(w / n) + l * Math.log(l / n) + t * Math.log(t / n));
  });

  it('reproduces the icehockey fit of an independent R maximisation (58 teams, 125 ties)', async () => {
    // oracle: R, Davidson's probabilities written out in make-fixtures.R, maximised by optim +
    // numDeriv Newton steps (icehockey-ties.json); SEs from numDeriv's Hessian (≈1e-7 accurate).
    const ref = rFixture('icehockey-ties.json');
    const fit = await bradleyTerry(fixtureComparisons(ref.comparisons), { ties: 'davidson', tol: 1e-13 });
    expect(fit.converged).toBe(true);
    fit.items.forEach((item, i) => {
      approxEqual(fit.logStrength[i], ref.davidson.logStrength[item], 0, 1e-7);
      approxEqual(fit.se![i], ref.davidson.se[item], 1e-6);
    });
    approxEqual(fit.tieParameter!, ref.davidson.tieParameter, 1e-8);
    approxEqual(fit.tieParameterSe!, ref.davidson.tieParameterSe, 1e-6);
    approxEqual(fit.logLik, ref.davidson.logLik, 1e-12);
  });
});

describe('Rao–Kupper (1967) ties', () => {
  it('has the two-item closed form η² = (l+t)(w+t)/(w l), e^{2d} = w(w+t)/(l(l+t))', async () => {
    // oracle: P(a) = 1/(1 + η e^{-d}) = w/n and P(b) = 1/(1 + η e^{d}) = l/n.
    const fit = await bradleyTerry(twoItems, { ties: 'rao-kupper', tol: 1e-14 });
    approxEqual(fit.tieParameter!, Math.sqrt(((l + t) * (w + t)) / (w * l)));
    approxEqual(fit.logStrength[0] - fit.logStrength[1], 0.5 * Math.log((w * (w + t)) / (l * (l + t))));
    approxEqual(fit.logLik, w * Math.log(w / n) + l * Math.log(l / n) + t * Math.log(t / n));
  });

  it('reproduces the icehockey fit of an independent R maximisation', async () => {
    // oracle: as for Davidson, with Rao & Kupper's probabilities (icehockey-ties.json).
    const ref = rFixture('icehockey-ties.json');
    const fit = await bradleyTerry(fixtureComparisons(ref.comparisons), { ties: 'rao-kupper', tol: 1e-13 });
    fit.items.forEach((item, i) => {
      approxEqual(fit.logStrength[i], ref.raoKupper.logStrength[item], 0, 1e-7);
      approxEqual(fit.se![i], ref.raoKupper.se[item], 1e-6);
    });
    approxEqual(fit.tieParameter!, ref.raoKupper.tieParameter, 1e-8);
    approxEqual(fit.tieParameterSe!, ref.raoKupper.tieParameterSe, 1e-6);
  });
});

describe('pair log-likelihoods', () => {
  it('have analytic derivatives that match central differences', async () => {
    // oracle: (f(x + h) − f(x − h)) / 2h, accurate to O(h²) ≈ 1e-8 relative here.
    const graph = pairGraph(twoItems, true);
    for (const model of [davidsonPair, raoKupperPair]) {
      const layout = parameterLayout(2, true, true);
      const x = Float64Array.from([0.3, -0.3, 0.2, 0.4]);
      const g = new Float64Array(4);
      const info = new Float64Array(16);
      const scratch = new Float64Array(6);
      evaluateLogLikelihood(graph, model, layout, x, 5, g, info, scratch);
      const h = 1e-5;
      for (let k = 0; k < 4; k++) {
        const up = Float64Array.from(x);
        const down = Float64Array.from(x);
        up[k] += h;
        down[k] -= h;
        const gu = new Float64Array(4);
        const gd = new Float64Array(4);
        const fu = evaluateLogLikelihood(graph, model, layout, up, 5, gu, null, scratch);
        const fd = evaluateLogLikelihood(graph, model, layout, down, 5, gd, null, scratch);
        approxEqual(g[k], (fu - fd) / (2 * h), 1e-7, 1e-9);
        for (let j = 0; j < 4; j++) approxEqual(info[j * 4 + k], -(gu[j] - gd[j]) / (2 * h), 1e-7, 1e-9);
      }
    }
  });
});
