import { InputError } from '@persona/core';
import { message } from '../messages.js';

/** A dense numeric covariate table: `rows` × `names.length`, row-major. */
export interface CovariateMatrix {
  readonly names: readonly string[];
  readonly values: Float64Array;
}

/** Checks shape and finiteness; `what` names the table in messages ("item covariates"). */
export function validateCovariates(covariates: CovariateMatrix, rows: number, what: string): void {
  const q = covariates.names.length;
  const got = q === 0 ? 0 : covariates.values.length / q;
  if (q === 0 || covariates.values.length !== rows * q) throw new InputError(message.covariateShape(what, rows, got), { field: what });
  for (let r = 0; r < rows; r++) {
    for (let k = 0; k < q; k++) {
      if (!Number.isFinite(covariates.values[r * q + k])) {
        throw new InputError(message.covariateNotFinite(what, r, covariates.names[k]), { index: r, field: covariates.names[k] });
      }
    }
  }
}
