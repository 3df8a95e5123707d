import type { SchwartzData } from './schwartz-data.js';

/**
 * The 10×5 block B of correlations between values (rows, SCHWARTZ_VALUES
 * order) and Big Five traits (columns, BIG_FIVE_TRAITS order): the published
 * meta-analytic correlations of Parks-Leduc, Feldman & Bardi (2015) where
 * schwartz.json lists them, 0 elsewhere (cells the source does not report as
 * substantial), row-major.
 */
export function traitValueCorrelations(data: SchwartzData): Float64Array {
  const b = new Float64Array(50);
  for (let t = 0; t < 5; t++) {
    for (let v = 0; v < 10; v++) {
      const r = data.published[t * 10 + v]!;
      b[v * 5 + t] = Number.isNaN(r) ? 0 : r;
    }
  }
  return b;
}
