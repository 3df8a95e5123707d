import { describe, expect, it } from 'vitest';
import { calibrate, parseMargins, rake, weightSummary, type SampleColumns } from '../src/index.js';
import { expectApproxEqual } from '../../../test-support/approx-equal.js';

function sample(columns: Record<string, string[]>): SampleColumns {
  const names = Object.keys(columns);
  return { names, nRows: columns[names[0]].length, column: (name) => columns[name], has: (name) => name in columns };
}

describe('the `persona rake` pipeline: parseMargins → rake → weightSummary', () => {
  it('rakes a sample to the CONTRACTS.md example margins', () => {
    const sex = ['1', '1', '1', '2', '2', '1', '2', '1', '1', '2', '1', '2'];
    const age = ['1', '2', '3', '1', '2', '3', '3', '3', '2', '2', '1', '3'];
    const table = sample({ SEX: sex, AGEGRP: age, OTHER: sex.map(() => 'x') });
    const json = '{ "total": 1000, "margins": { "SEX": { "1": 0.49, "2": 0.51 }, "AGEGRP": { "1": 210, "2": 340, "3": 450 } } }';
    const margins = parseMargins(json, table, { source: { marginsFile: 'MARGINS.json' } });
    const r = rake({ ...margins });
    expect(r.converged).toBe(true);
    const s = weightSummary(r.weights);
    // every margin holds, so the weights sum to total (definition)
    expectApproxEqual(s.sum, 1000, 1e-6, 'sum');
    const bySex = { 1: 0, 2: 0 } as Record<string, number>;
    sex.forEach((v, i) => (bySex[v] += r.weights[i]));
    expectApproxEqual([bySex['1'], bySex['2']], [490, 510], 1e-6, 'SEX');
    // closed form: deff = n Σw² / (Σw)²
    const sum2 = r.weights.reduce((a, w) => a + w * w, 0);
    expectApproxEqual(s.deff, (12 * sum2) / s.sum ** 2, 1e-12, 'deff');
    expect(s.n).toBe(12);
  });
});

describe('zero targets', () => {
  it('zero the weights of their rows and leave the other margins met (rake and calibrate)', () => {
    const a = ['x', 'x', 'y', 'y', 'z', 'z'];
    const b = ['p', 'q', 'p', 'q', 'p', 'q'];
    const input = {
      variables: [{ name: 'a', values: a }, { name: 'b', values: b }],
      targets: { a: { x: 60, y: 40, z: 0 }, b: { p: 50, q: 50 } },
      tol: 1e-12,
    };
    for (const r of [rake(input), calibrate({ ...input, method: 'raking' }), calibrate({ ...input, method: 'linear' })]) {
      expect(r.converged).toBe(true);
      expect([r.weights[4], r.weights[5]]).toEqual([0, 0]);
      // closed form: with x and y each split evenly over p and q, the solution is 30, 30, 20, 20
      expectApproxEqual(Array.from(r.weights).slice(0, 4), [30, 30, 20, 20], 1e-10, 'weight');
    }
  });
});
