import { describe, expect, it } from 'vitest';
import { approxEqual, rFixture } from '../../test/approx-equal.js';
import { nearestCorrelationMatrix } from './nearest-correlation.js';
import { message } from '../messages.js';
import { smallestEigenvalue, symmetricEigen } from './symmetric-eigen.js';

interface Fixture {
  a3: number[][];
  x3: number[][];
  a6: number[][];
  x6: number[][];
  a6_eigen_min: number;
}
const f = rFixture<Fixture>('nearest-correlation.json');

describe('symmetricEigen', () => {
  it('matches R eigen() on the Big Five matrix and reconstructs it (oracle: big-five-linalg.json)', () => {
    const { matrix, values } = rFixture<{ matrix: number[][]; values: number[] }>('big-five-linalg.json');
    const a = Float64Array.from(matrix.flat());
    const eig = symmetricEigen(a, 5);
    approxEqual([...eig.values].sort((x, y) => y - x), values, { rel: 1e-12 }, 'eigenvalues');
    const back = new Float64Array(25);
    for (let i = 0; i < 5; i++)
      for (let j = 0; j < 5; j++) for (let k = 0; k < 5; k++) back[i * 5 + j] += eig.vectors[i * 5 + k]! * eig.values[k]! * eig.vectors[j * 5 + k]!;
    approxEqual(back, a, { abs: 1e-13 }, 'V Λ Vᵀ');
    expect(eig.converged).toBe(true);
  });

  it('reports non-convergence: one sweep of a 5×5 matrix, or a matrix holding NaN', () => {
    const { matrix } = rFixture<{ matrix: number[][] }>('big-five-linalg.json');
    const once = symmetricEigen(Float64Array.from(matrix.flat()), 5, { maxSweeps: 1 });
    expect(once.converged).toBe(false);
    expect(once.sweeps).toBe(1);
    const nan = Float64Array.of(1, NaN, NaN, 1);
    expect(symmetricEigen(nan, 2).converged).toBe(false);
    expect(() => smallestEigenvalue(nan, 2)).toThrow(message.eigenNotConverged(2, 100));
  });

  it('smallestEigenvalue of [[2, 1], [1, 2]] is 1 (by hand: eigenvalues 3 and 1)', () => {
    approxEqual(smallestEigenvalue(Float64Array.of(2, 1, 1, 2), 2), 1, { rel: 1e-15 }, 'λ_min');
  });
});

describe('nearestCorrelationMatrix (Higham 2002)', () => {
  it("reproduces Higham's worked example [[1,1,0],[1,1,1],[0,1,1]] → .7607, .1573 (oracle: paper §4 and R Matrix::nearPD)", () => {
    const r = nearestCorrelationMatrix(Float64Array.from(f.a3.flat()), 3, { tol: 1e-14 });
    expect(r.converged).toBe(true);
    approxEqual([r.matrix[1]!, r.matrix[2]!], [0.7607, 0.1573], { abs: 5e-5 }, 'paper, 4 decimals');
    approxEqual(r.matrix, f.x3.flat(), { abs: 1e-7 }, 'nearPD');
  });

  it('matches R Matrix::nearPD(corr = TRUE) on an indefinite 6×6 matrix', () => {
    expect(f.a6_eigen_min).toBeLessThan(0);
    const r = nearestCorrelationMatrix(Float64Array.from(f.a6.flat()), 6, { tol: 1e-14 });
    expect(r.converged).toBe(true);
    approxEqual(r.matrix, f.x6.flat(), { abs: 1e-7 }, 'nearPD');
  });

  it('floors the eigenvalues at minEigenvalue and keeps fixed entries', () => {
    const fixed = new Uint8Array(36);
    fixed[1] = fixed[6] = 1; // entry (0,1) and (1,0): .9
    const r = nearestCorrelationMatrix(Float64Array.from(f.a6.flat()), 6, { minEigenvalue: 0.05, fixed });
    expect(r.converged).toBe(true);
    expect(r.matrix[1]).toBe(0.9);
    expect(r.matrix[6]).toBe(0.9);
    for (let i = 0; i < 6; i++) expect(r.matrix[i * 7]).toBe(1);
    expect(r.minEigenvalue).toBe(Math.min(...symmetricEigen(r.matrix, 6).values));
    expect(r.minEigenvalue).toBeGreaterThanOrEqual(0.05 * (1 - 1e-9));
  });

  it('reports converged: false when the fixed entries admit no matrix with λ_min ≥ δ, never a violated floor', () => {
    // Fixing r(0, 1) = .9 caps λ_min at 1 − .9 = .1 (the 2×2 principal block's smallest eigenvalue), so δ = .2 is impossible.
    const fixed = new Uint8Array(36);
    fixed[1] = fixed[6] = 1;
    const r = nearestCorrelationMatrix(Float64Array.from(f.a6.flat()), 6, { minEigenvalue: 0.2, fixed, maxIterations: 500 });
    expect(r.minEigenvalue).toBeLessThan(0.2 * (1 - 1e-9));
    expect(r.converged).toBe(false);
  });

  it('reports converged: false when it stops at maxIterations', () => {
    const r = nearestCorrelationMatrix(Float64Array.from(f.a6.flat()), 6, { minEigenvalue: 0.05, maxIterations: 2 });
    expect(r.iterations).toBe(2);
    expect(r.converged).toBe(false);
  });

  it('returns a correlation matrix that is already positive definite unchanged', () => {
    const { matrix } = rFixture<{ matrix: number[][] }>('big-five-linalg.json');
    const r = nearestCorrelationMatrix(Float64Array.from(matrix.flat()), 5);
    expect(r.iterations).toBe(1);
    expect(r.maxAbsChange).toBeLessThan(1e-14);
  });
});
