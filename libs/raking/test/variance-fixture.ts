import { readFileSync } from 'node:fs';

/** One estimate as R survey printed it: a scalar, or a vector with its names. */
export interface RResult { estimate: number | number[]; se: number | number[]; deff?: number | number[]; names?: string | string[] }

/**
 * The R survey 4.1-1 oracle of the variance tests: test/fixtures/r-sampling/variance.json,
 * written by test/fixtures/r-sampling/make-fixtures.R (one simulated sample, its SDR
 * replicate weights, and the estimates of svrepdesign and svydesign).
 */
export const varianceFixture = JSON.parse(
  readFileSync(new URL('./fixtures/r-sampling/variance.json', import.meta.url), 'utf8'),
) as {
  data: { w: number[]; y: number[]; x: number[]; cat: string[]; dom: number[]; stratum: number[]; psu: number[]; replicates: number[][] };
  linearised: Record<string, RResult>;
  replicate: Record<string, RResult>;
};

const { data } = varianceFixture;
/** The fixture's variables as typed arrays: y, x and the 0/1 domain indicator. */
export const y = Float64Array.from(data.y);
export const x = Float64Array.from(data.x);
export const dom = Uint8Array.from(data.dom);

/** R's length-1 vectors come out of jsonlite as scalars: a list either way. */
export const list = <T>(v: T | T[] | undefined): T[] => (Array.isArray(v) ? v : [v!]);
