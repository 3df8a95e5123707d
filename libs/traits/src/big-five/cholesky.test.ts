import { describe, expect, it } from 'vitest';
import { approxEqual, rFixture } from '../../test/approx-equal.js';
import { message } from '../messages.js';
import { cholesky } from './cholesky.js';

describe('cholesky', () => {
  it('factors [[4,2],[2,5]] as [[2,0],[1,2]] (by hand: 2² = 4, 2·1 = 2, 1² + 2² = 5)', () => {
    approxEqual(cholesky(Float64Array.of(4, 2, 2, 5), 2), [2, 0, 1, 2], { rel: 1e-15 }, 'L');
  });

  it('matches R t(chol()) on the Big Five matrix (oracle: big-five-linalg.json)', () => {
    const { matrix, cholesky: expected } = rFixture<{ matrix: number[][]; cholesky: number[][] }>('big-five-linalg.json');
    approxEqual(cholesky(Float64Array.from(matrix.flat()), 5), expected.flat(), { rel: 1e-12, abs: 1e-15 }, 'L');
  });

  it('rejects a matrix that is not positive definite, naming the failing pivot', () => {
    // [[1, .9, .9], [.9, 1, -.9], [.9, -.9, 1]]: determinant 1 − 3·.81 − 2·.729 < 0; the third pivot is negative.
    const a = Float64Array.of(1, 0.9, 0.9, 0.9, 1, -0.9, 0.9, -0.9, 1);
    const pivot3 = 1 - 0.81 - ((-0.9 - 0.81) / Math.sqrt(0.19)) ** 2;
    expect(() => cholesky(a, 3)).toThrow(message.notPositiveDefinite(3, pivot3));
  });
});
