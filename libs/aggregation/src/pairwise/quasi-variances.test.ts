import { describe, expect, it } from 'vitest';
import { approxEqual } from '../../test/approx-equal.js';
import { fixtureComparisons, rFixture } from '../../test/bt-fixtures.js';
import { message } from '../messages.js';
import { bradleyTerry } from './bradley-terry.js';
import { quasiVariances } from './quasi-variances.js';

describe('quasiVariances (Firth & de Menezes 2004)', () => {
  it("matches R qvcalc on BradleyTerry2's citations fit", async () => {
    // oracle: qvcalc 1.0.2 on BTabilities(citeModel)'s covariance; the fixture re-runs qvcalc's
    // own glm fit to full convergence (qvcalc's default stop leaves it 3e-7 off, also recorded).
    const ref = rFixture('citations.json');
    const fit = await bradleyTerry(fixtureComparisons(ref.comparisons));
    const { quasiVariance, relativeErrors } = quasiVariances(fit.covariance!, 4);
    fit.items.forEach((item, i) => {
      approxEqual(quasiVariance[i], ref.quasiVariance[item], 1e-8);
      approxEqual(quasiVariance[i], ref.quasiVarianceQvcalc[item], 1e-6);
    });
    expect(relativeErrors.length).toBe(6);
    expect(Math.max(...relativeErrors.map(Math.abs))).toBeLessThan(0.05);
  });

  it('is exact when the covariance is diagonal', async () => {
    // oracle: var(θj − θk) = Vjj + Vkk, so q = diag(V) fits every pair with zero error.
    const v = Float64Array.from([0.5, 0, 0, 0, 2, 0, 0, 0, 1]);
    const { quasiVariance, relativeErrors } = quasiVariances(v, 3);
    [0.5, 2, 1].forEach((x, i) => approxEqual(quasiVariance[i], x, 1e-10));
    for (const e of relativeErrors) approxEqual(e, 0, 0, 1e-10);
  });

  it('needs at least 3 items', async () => {
    expect(() => quasiVariances(new Float64Array(4), 2)).toThrow(message.btQuasiVarianceTooFew(2));
  });
});
