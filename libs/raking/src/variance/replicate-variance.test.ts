import { InputError } from '@persona/core';
import { describe, expect, it } from 'vitest';
import { expectApproxEqual } from '../../../../test-support/approx-equal.js';
import { dom, list, varianceFixture, x, y } from '../../test/variance-fixture.js';
import { message } from '../messages.js';
import { sdrMean, sdrRatio, sdrShares, sdrTotal, type ReplicateDesign } from './replicate-variance.js';

const { data } = varianceFixture;
const r = varianceFixture.replicate;
const design: ReplicateDesign = { weights: Float64Array.from(data.w), replicates: data.replicates.map((c) => Float64Array.from(c)) };

// Oracle: R survey 4.1-1, svrepdesign(type = "successive-difference", mse = TRUE) — scale 4/80,
// rscales 1, so Var = 4/80 Σ_r (θ_r − θ)² (ACS Design and Methodology ch. 12); see make-fixtures.R.
describe('successive difference replication (ACS) against R survey', () => {
  it('total: estimate, SE and deff as svytotal(~y, rep, deff = TRUE)', () => {
    const e = sdrTotal(design, y);
    expectApproxEqual(e.estimate, r.total!.estimate as number, 1e-12, 'total');
    expectApproxEqual(e.se, r.total!.se as number, 1e-8, 'se');
    expectApproxEqual(e.deff, r.total!.deff as number, 1e-8, 'deff');
    expectApproxEqual(e.variance, e.se * e.se, 1e-12, 'variance');
  });

  it('mean: as svymean(~y, rep, deff = TRUE)', () => {
    const e = sdrMean(design, y);
    expectApproxEqual(e.estimate, r.mean!.estimate as number, 1e-12, 'mean');
    expectApproxEqual(e.se, r.mean!.se as number, 1e-8, 'se');
    expectApproxEqual(e.deff, r.mean!.deff as number, 1e-8, 'deff');
  });

  it('shares of a factor: as svymean(~cat, rep, deff = TRUE)', () => {
    const shares = sdrShares(design, data.cat);
    const names = list(r.shares!.names as string[]);
    names.forEach((name, i) => {
      const e = shares.get(name.replace(/^cat/, ''))!;
      expectApproxEqual(e.estimate, list(r.shares!.estimate)[i]!, 1e-12, name);
      expectApproxEqual(e.se, list(r.shares!.se)[i]!, 1e-8, name);
      expectApproxEqual(e.deff, list(r.shares!.deff)[i]!, 1e-8, name);
    });
  });

  it('ratio: as svyratio(~y, ~x, rep)', () => {
    const e = sdrRatio(design, y, x);
    expectApproxEqual(e.estimate, r.ratio!.estimate as number, 1e-12, 'ratio');
    expectApproxEqual(e.se, r.ratio!.se as number, 1e-8, 'se');
  });

  it('a domain: as the same calls on subset(rep, dom == 1)', () => {
    const t = sdrTotal(design, y, dom);
    expectApproxEqual(t.estimate, r.domainTotal!.estimate as number, 1e-12, 'total');
    expectApproxEqual(t.se, r.domainTotal!.se as number, 1e-8, 'total se');
    expectApproxEqual(t.deff, r.domainTotal!.deff as number, 1e-8, 'total deff');
    const m = sdrMean(design, y, dom);
    expectApproxEqual(m.se, r.domainMean!.se as number, 1e-8, 'mean se');
    expectApproxEqual(m.deff, r.domainMean!.deff as number, 1e-8, 'mean deff');
    const q = sdrRatio(design, y, x, dom);
    expectApproxEqual(q.se, r.domainRatio!.se as number, 1e-8, 'ratio se');
    const shares = sdrShares(design, data.cat, dom);
    list(r.domainShares!.names as string[]).forEach((name, i) => {
      const e = shares.get(name.replace(/^cat/, ''))!;
      expectApproxEqual(e.estimate, list(r.domainShares!.estimate)[i]!, 1e-12, name);
      expectApproxEqual(e.se, list(r.domainShares!.se)[i]!, 1e-8, name);
      expectApproxEqual(e.deff, list(r.domainShares!.deff)[i]!, 1e-8, name);
    });
  });

  it('an explicit scale multiplies the variance (closed form: v ∝ scale)', () => {
    const base = sdrTotal(design, y);
    const doubled = sdrTotal({ ...design, scale: 8 / 80 }, y);
    expectApproxEqual(doubled.variance, 2 * base.variance, 1e-12, 'variance');
  });

  it('rejects bad input with the messages of messages.ts', () => {
    expect(() => sdrTotal({ weights: design.weights, replicates: [] }, y)).toThrow(message.noReplicates());
    expect(() => sdrTotal(design, y.subarray(1))).toThrow(message.lengthMismatch('y', 400, 399));
    const bad = Float64Array.from(data.replicates[3]!);
    bad[7] = Number.NaN;
    const replicates = design.replicates.slice();
    replicates[3] = bad;
    let caught: unknown;
    try { sdrMean({ weights: design.weights, replicates }, y); } catch (e) { caught = e; }
    expect(caught).toBeInstanceOf(InputError);
    expect((caught as InputError).reason).toBe(message.valueNotFinite(Number.NaN));
    expect((caught as InputError).location).toEqual({ field: 'replicate 4', index: 7 });
    expect(() => sdrMean(design, y, new Uint8Array(400))).toThrow(message.emptyDomain());
    expect(() => sdrTotal({ ...design, scale: -1 }, y)).toThrow(message.replicateScaleInvalid(-1));
  });
});
