import { Rng } from '@persona/core';
import { linearisedShares } from '@persona/raking';
import { describe, expect, it } from 'vitest';
import { absoluteStandardizedMeanDifference, defaultNotInUniverse, readTargetShares, topWeightShare, weightDiagnostics } from '../src/index.js';
import { meanAsmd } from '../src/weights/asmd.js';
import { linearisedShareErrors } from '../src/weights/linearised-share-errors.js';
import { expectApproxEqual } from '../../../test-support/approx-equal.js';

describe('ASMD (balance, std_type = "target")', () => {
  it('is |p − q| / sqrt(q (1 − q)), undefined when q is 0 or 1', () => {
    // |0.6 − 0.5| / sqrt(0.25) = 0.2;  |0.1 − 0.2| / sqrt(0.16) = 0.25
    expectApproxEqual(absoluteStandardizedMeanDifference(0.6, 0.5)!, 0.2, 1e-15, 'asmd');
    expectApproxEqual(absoluteStandardizedMeanDifference(0.1, 0.2)!, 0.25, 1e-15, 'asmd');
    expect(absoluteStandardizedMeanDifference(0.1, 0)).toBeNull();
    expect(absoluteStandardizedMeanDifference(0.9, 1)).toBeNull();
    // balance's mean(asmd) of one variable: each level weighs 1/levels; undefined levels are left out
    expectApproxEqual(meanAsmd([0.2, 0.25, null])!, 0.225, 1e-15, 'mean');
    expect(meanAsmd([null])).toBeNull();
  });
});

describe('weight diagnostics', () => {
  it('top 1 % share: weights 1..100 → the largest, 100, of 5050', () => {
    const w = Array.from({ length: 100 }, (_, i) => i + 1);
    expectApproxEqual(topWeightShare(w), 100 / 5050, 1e-15, 'top 1 %');
    // ⌈0.01 · 250⌉ = 3 largest of a shuffled 1..250: (248 + 249 + 250) / (250 · 251 / 2)
    const v = Array.from({ length: 250 }, (_, i) => ((i * 97) % 250) + 1);
    expectApproxEqual(topWeightShare(v), 747 / 31375, 1e-15, 'top 1 % of 250');
    // equal weights: ⌈n/100⌉/n
    expectApproxEqual(topWeightShare(new Array(150).fill(2)), 2 / 150, 1e-15, 'equal');
  });

  it('adds the top share to weightSummary (Kish ESS (Σw)²/Σw², deff = n/ESS)', () => {
    // w = (1, 1, 2, 2): ESS = 36/10 = 3.6, deff = 4/3.6
    const d = weightDiagnostics([1, 1, 2, 2]);
    expectApproxEqual(d.kishEss, 3.6, 1e-15, 'ess');
    expectApproxEqual(d.deff, 4 / 3.6, 1e-15, 'deff');
    expectApproxEqual(d.top1PercentShare, 2 / 6, 1e-15, 'top');
  });
});

describe('linearised standard errors of shares from category sums', () => {
  it('equal linearisedShares of @persona/raking (itself checked against R survey) on random weighted data with a domain', () => {
    // Oracle: @persona/raking linearisedShares (O(rows × categories)), tested there against R svymean.
    for (let seed = 1; seed <= 5; seed++) {
      const rng = Rng.fromSeed(`se/${seed}`);
      const n = 50 + 40 * seed;
      const codes = Int32Array.from({ length: n }, () => rng.int(4));
      const w = Float64Array.from({ length: n }, () => Math.exp(rng.normal()));
      const domain = Uint8Array.from(codes, (c) => (c === 3 ? 0 : 1));
      const rows = new Float64Array(4), sumW = new Float64Array(4), sumW2 = new Float64Array(4);
      codes.forEach((c, i) => { rows[c]++; sumW[c] += w[i]; sumW2[c] += w[i] * w[i]; });
      const ours = linearisedShareErrors({ rows, sumW, sumW2, positiveRows: n }, [0, 1, 2]);
      const reference = linearisedShares({ weights: w }, codes, domain);
      expectApproxEqual(ours, [0, 1, 2].map((c) => reference.get(String(c))!.se), 1e-12, `seed ${seed}`);
    }
  });
});

describe('margins for representativeness', () => {
  it('reads shares and counts blocks as shares of their own sums; count totals need not agree', () => {
    const t = readTargetShares('{"total": 10, "margins": {"A": {"x": 0.25, "y": 0.75}, "B": {"u": 30, "v": 10}, "C": {"p": 5, "q": 5}}}');
    expect(t.shares).toEqual({ A: { x: 0.25, y: 0.75 }, B: { u: 0.75, v: 0.25 }, C: { p: 0.5, q: 0.5 } });
    expect(t.kinds).toEqual({ A: 'shares', B: 'counts', C: 'counts' });
  });

  it('takes "0" as not in universe for the census recodes whose universe is narrower', () => {
    expect(defaultNotInUniverse(['sex', 'education', 'employment_status', 'marital_status', 'SEX'])).toEqual({
      education: ['0'],
      employment_status: ['0'],
      marital_status: ['0'],
    });
  });
});
