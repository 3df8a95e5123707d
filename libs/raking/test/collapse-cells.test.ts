import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { collapseCells } from '../src/cells/collapse-cells.js';
import { solvePseudoInverse } from '../src/calibration/pseudo-inverse.js';
import { expectApproxEqual } from '../../../test-support/approx-equal.js';

/** Reference: group rows by the joined code tuple with a Map (first-appearance order). */
function referenceCells(codes: Int32Array[], n: number) {
  const ids = new Map<string, number>();
  const cellOfRow: number[] = [];
  for (let i = 0; i < n; i++) {
    const key = codes.map((c) => c[i]).join(',');
    if (!ids.has(key)) ids.set(key, ids.size);
    cellOfRow.push(ids.get(key)!);
  }
  return { nCells: ids.size, cellOfRow };
}

describe('collapseCells', () => {
  it('the dense (mixed-radix) and hashed paths both group rows exactly as a Map of code tuples', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.nat(), { minLength: 200, maxLength: 200 }),
        (levels, draws) => {
          const n = 200;
          // rows repeat a few tuples so cells hold several rows
          const codes = levels.map((m, j) => Int32Array.from({ length: n }, (_, i) => (draws[(i * (j + 3)) % 37] + j) % m));
          const weights = Float64Array.from({ length: n }, (_, i) => 1 + (i % 7));
          const cells = collapseCells(codes, levels, n, weights);
          const ref = referenceCells(codes, n);
          expect(cells.nCells).toBe(ref.nCells);
          expect(Array.from(cells.cellOfRow)).toEqual(ref.cellOfRow);
          // every cell's base weight is the sum of its rows' weights
          const sums = new Float64Array(ref.nCells);
          ref.cellOfRow.forEach((c, i) => (sums[c] += weights[i]));
          expectApproxEqual(cells.weight, sums, 1e-15, 'cell weight');
        },
      ),
      { numRuns: 60, seed: 3 },
    );
  });

  it('uses the hash table when the code space exceeds 2^22 and still groups exactly', () => {
    const n = 5000;
    const levels = [300, 300, 300]; // 2.7e7 possible tuples
    const codes = levels.map((m, j) => Int32Array.from({ length: n }, (_, i) => ((i % 97) * (j + 7)) % m));
    const cells = collapseCells(codes, levels, n);
    const ref = referenceCells(codes, n);
    expect(cells.nCells).toBe(97);
    expect(Array.from(cells.cellOfRow)).toEqual(ref.cellOfRow);
  });
});

describe('solvePseudoInverse (as MASS::ginv)', () => {
  it('solves a positive definite system (A x = b)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 7 }), fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 64, maxLength: 64 }), (p, r) => {
        // A = M Mᵀ + I is symmetric positive definite
        const A = new Float64Array(p * p);
        for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) {
          let s = i === j ? 1 : 0;
          for (let k = 0; k < p; k++) s += r[i * 8 + k] * r[j * 8 + k];
          A[i * p + j] = s;
        }
        const b = Float64Array.from({ length: p }, (_, i) => r[56 + i]);
        const x = solvePseudoInverse(A, b, p);
        const Ax = Array.from({ length: p }, (_, i) => x.reduce((s, xj, j) => s + A[i * p + j] * xj, 0));
        for (let i = 0; i < p; i++) expect(Math.abs(Ax[i] - b[i])).toBeLessThan(1e-10);
      }),
      { numRuns: 100, seed: 5 },
    );
  });

  it('gives the minimum-norm solution of a singular system', () => {
    // A = [[1,1],[1,1]], b = [2,2]: solutions x1 + x2 = 2; the minimum-norm one is (1, 1) (closed form)
    const x = solvePseudoInverse(Float64Array.from([1, 1, 1, 1]), Float64Array.from([2, 2]), 2);
    expectApproxEqual(x, [1, 1], 1e-14, 'x');
  });
});
