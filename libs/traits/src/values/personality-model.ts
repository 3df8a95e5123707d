import { InputError } from '@persona/core';
import { message } from '../messages.js';
import { BIG_FIVE_TRAITS } from '../big-five/big-five-traits.js';
import { cholesky } from '../big-five/cholesky.js';
import { loadBigFiveData, type BigFiveData } from '../big-five/big-five-data.js';
import { loadSchwartzData, type SchwartzData } from './schwartz-data.js';
import { SCHWARTZ_VALUES } from './schwartz-values.js';
import { traitValueCorrelations } from './trait-value-correlations.js';
import { nearestCorrelationMatrix } from './nearest-correlation.js';
import { smallestEigenvalue } from './symmetric-eigen.js';

/** Number of dimensions of the joint model: 5 traits + 10 values. */
const D = 15;

/**
 * The joint personality model: [O, C, E, A, N, 10 Schwartz values] ~
 * N(μ(age, sex), R). Everything a later preference simulator needs to know
 * about the value space is here: value names, their angles on the circle,
 * and the correlation matrix actually used.
 */
export interface PersonalityModel {
  readonly bigFive: BigFiveData;
  readonly schwartz: SchwartzData;
  /** The 15 dimension names: the Big Five traits, then the values. */
  readonly dimensions: readonly string[];
  /** Value names in circle order (= SCHWARTZ_VALUES). */
  readonly valueNames: readonly string[];
  /** Angle of each value on the circle, degrees. */
  readonly valueAnglesDegrees: Float64Array;
  /** The 15×15 matrix assembled from the sources: [[R_big5, Bᵀ], [B, R_values]]. */
  readonly assembled: Float64Array;
  /** The 15×15 correlation matrix used (= assembled unless corrected). */
  readonly correlation: Float64Array;
  /** Its lower Cholesky factor, row-major. */
  readonly cholesky: Float64Array;
  /**
   * Whether the nearest-correlation correction was applied, how much it moved,
   * and whether it converged: `converged` is false when the iterations hit
   * their limit or the result's smallest eigenvalue (`minEigenvalue`; when
   * not applied: of the assembled matrix) is below the floor of schwartz.json
   * (see nearestCorrelationMatrix).
   */
  readonly correction: {
    readonly applied: boolean;
    readonly maxAbsChange: number;
    readonly iterations: number;
    readonly converged: boolean;
    readonly minEigenvalue: number;
  };
}

/**
 * Builds the joint model from big-five.json and schwartz.json (the embedded
 * files by default). R_values_ij = (1 − κ)[i = j] + κ cos(θ_i − θ_j) (circulant
 * quasi-circumplex); B = Parks-Leduc et al. (2015) trait–value correlations.
 * If the assembled matrix is not positive definite and schwartz.json says
 * `"jointCorrection": {"method": "higham2002"}`, the nearest correlation
 * matrix (Higham 2002) with eigenvalues ≥ `minEigenvalue` replaces it, the
 * Big Five block held fixed at its published values; with `"none"` it is an
 * `InputError` (`message.jointNotPositiveDefinite`). With `"higham2002"`,
 * `minEigenvalue` must lie below λ_min of the Big Five matrix (by Cauchy
 * interlacing no matrix containing that block has a larger smallest
 * eigenvalue), else an `InputError` (`message.minEigenvalueRange`).
 *
 * Drawing z = μ + L·e with L lower-triangular and the traits first makes the
 * Big Five depend only on their own five normals (L₁₁ = chol(R_big5)), and
 * the values equal the conditional-MVN draw given the traits:
 * values = μ_v + B R_big5⁻¹ (traits − μ_b) + chol(R_v − B R_big5⁻¹ Bᵀ) e_v.
 */
export function personalityModel(bigFive: BigFiveData = loadBigFiveData(), schwartz: SchwartzData = loadSchwartzData()): PersonalityModel {
  const assembled = new Float64Array(D * D);
  for (let i = 0; i < 5; i++) for (let j = 0; j < 5; j++) assembled[i * D + j] = bigFive.correlation[i * 5 + j]!;
  const b = traitValueCorrelations(schwartz);
  for (let v = 0; v < 10; v++) {
    for (let t = 0; t < 5; t++) {
      assembled[(5 + v) * D + t] = b[v * 5 + t]!;
      assembled[t * D + 5 + v] = b[v * 5 + t]!;
    }
    for (let w = 0; w < 10; w++) {
      assembled[(5 + v) * D + 5 + w] =
        v === w ? 1 : schwartz.kappa * Math.cos(schwartz.angles[v]! - schwartz.angles[w]!);
    }
  }
  if (schwartz.jointCorrection === 'higham2002') {
    const floor = smallestEigenvalue(bigFive.correlation, 5);
    if (!(schwartz.minEigenvalue < floor)) {
      throw new InputError(message.minEigenvalueRange(schwartz.minEigenvalue, floor), {
        file: schwartz.file,
        field: 'jointCorrection.minEigenvalue',
      });
    }
  }
  let correlation: Float64Array = assembled;
  let factor: Float64Array;
  let correction: PersonalityModel['correction'] = { applied: false, maxAbsChange: 0, iterations: 0, converged: true, minEigenvalue: 0 };
  try {
    factor = cholesky(assembled, D);
    correction = { ...correction, minEigenvalue: smallestEigenvalue(assembled, D) };
  } catch (error) {
    if (schwartz.jointCorrection === 'none') {
      throw new InputError(message.jointNotPositiveDefinite((error as Error).message), { file: schwartz.file, field: 'jointCorrection' });
    }
    const fixed = new Uint8Array(D * D);
    for (let i = 0; i < 5; i++) for (let j = 0; j < 5; j++) fixed[i * D + j] = 1;
    const nearest = nearestCorrelationMatrix(assembled, D, { minEigenvalue: schwartz.minEigenvalue, fixed });
    correlation = nearest.matrix;
    correction = {
      applied: true,
      maxAbsChange: nearest.maxAbsChange,
      iterations: nearest.iterations,
      converged: nearest.converged,
      minEigenvalue: nearest.minEigenvalue,
    };
    try {
      factor = cholesky(correlation, D);
    } catch (again) {
      throw new InputError(message.correctedNotPositiveDefinite((again as Error).message, nearest.minEigenvalue), {
        file: schwartz.file,
        field: 'jointCorrection',
      });
    }
  }
  return {
    bigFive,
    schwartz,
    dimensions: [...BIG_FIVE_TRAITS, ...SCHWARTZ_VALUES],
    valueNames: SCHWARTZ_VALUES,
    valueAnglesDegrees: schwartz.angles.map((a) => (a * 180) / Math.PI),
    assembled,
    correlation,
    cholesky: factor,
    correction,
  };
}
