import { describe, expect, it } from 'vitest';
import { expectApproxEqual } from '../../../../test-support/approx-equal.js';
import { dom, list, varianceFixture, x, y } from '../../test/variance-fixture.js';
import { message } from '../messages.js';
import { linearisedMean, linearisedRatio, linearisedShares, linearisedTotal, type LinearisationDesign } from './linearised-variance.js';

const { data } = varianceFixture;
const r = varianceFixture.linearised;
const design: LinearisationDesign = { weights: Float64Array.from(data.w) };

// Oracle: R survey 4.1-1 on svydesign(ids = ~1, weights = ~w) (each row its own PSU,
// with-replacement), and svydesign(ids = ~psu, strata = ~stratum, nest = TRUE); see make-fixtures.R.
describe('Taylor linearisation against R survey', () => {
  it('total and mean with deff, as svytotal/svymean(..., deff = TRUE)', () => {
    const t = linearisedTotal(design, y);
    expectApproxEqual(t.estimate, r.total!.estimate as number, 1e-12, 'total');
    expectApproxEqual(t.se, r.total!.se as number, 1e-8, 'total se');
    expectApproxEqual(t.deff, r.total!.deff as number, 1e-8, 'total deff');
    const m = linearisedMean(design, y);
    expectApproxEqual(m.estimate, r.mean!.estimate as number, 1e-12, 'mean');
    expectApproxEqual(m.se, r.mean!.se as number, 1e-8, 'mean se');
    expectApproxEqual(m.deff, r.mean!.deff as number, 1e-8, 'mean deff');
  });

  it('shares and ratio, as svymean(~cat) and svyratio(~y, ~x)', () => {
    const shares = linearisedShares(design, data.cat);
    list(r.shares!.names as string[]).forEach((name, i) => {
      const e = shares.get(name.replace(/^cat/, ''))!;
      expectApproxEqual(e.estimate, list(r.shares!.estimate)[i]!, 1e-12, name);
      expectApproxEqual(e.se, list(r.shares!.se)[i]!, 1e-8, name);
      expectApproxEqual(e.deff, list(r.shares!.deff)[i]!, 1e-8, name);
    });
    const q = linearisedRatio(design, y, x);
    expectApproxEqual(q.estimate, r.ratio!.estimate as number, 1e-12, 'ratio');
    expectApproxEqual(q.se, r.ratio!.se as number, 1e-8, 'ratio se');
  });

  it('a domain, as the same calls (deff = TRUE) on subset(design, dom == 1)', () => {
    const t = linearisedTotal(design, y, dom);
    expectApproxEqual(t.se, r.domainTotal!.se as number, 1e-8, 'total se');
    expectApproxEqual(t.deff, r.domainTotal!.deff as number, 1e-8, 'total deff');
    const m = linearisedMean(design, y, dom);
    expectApproxEqual(m.se, r.domainMean!.se as number, 1e-8, 'mean se');
    expectApproxEqual(m.deff, r.domainMean!.deff as number, 1e-8, 'mean deff');
    expectApproxEqual(linearisedRatio(design, y, x, dom).se, r.domainRatio!.se as number, 1e-8, 'ratio se');
    const shares = linearisedShares(design, data.cat, dom);
    list(r.domainShares!.names as string[]).forEach((name, i) => {
      const e = shares.get(name.replace(/^cat/, ''))!;
      expectApproxEqual(e.se, list(r.domainShares!.se)[i]!, 1e-8, name);
      expectApproxEqual(e.deff, list(r.domainShares!.deff)[i]!, 1e-8, `${name} deff`);
    });
  });

  it('strata and PSUs, as svydesign(ids = ~psu, strata = ~stratum, nest = TRUE)', () => {
    const stratified: LinearisationDesign = { ...design, strata: data.stratum, psu: data.psu };
    expectApproxEqual(linearisedTotal(stratified, y).se, r.stratifiedTotal!.se as number, 1e-8, 'total se');
    expectApproxEqual(linearisedMean(stratified, y).se, r.stratifiedMean!.se as number, 1e-8, 'mean se');
  });

  it('rejects bad input with the messages of messages.ts', () => {
    const w = Float64Array.from(data.w);
    w[5] = 0;
    expect(() => linearisedMean({ weights: w }, y)).toThrow(message.samplingWeightInvalid(0));
    expect(() => linearisedMean({ weights: design.weights, strata: [1, 2], psu: [1, 1] }, y)).toThrow(
      message.lengthMismatch('strata', 400, 2),
    );
    // One PSU in stratum 4: survey's default lonely.psu = "fail" also refuses.
    const psu = data.psu.map((p, i) => (data.stratum[i] === 4 ? 1 : p));
    expect(() => linearisedTotal({ ...design, strata: data.stratum, psu }, y)).toThrow(message.lonelyPsu('4'));
  });
});
