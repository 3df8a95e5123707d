import { pumsCodebook } from '@persona/census';

const cache = new Map<string, Map<string, string | undefined>>();

/**
 * The 2024 PUMS data dictionary's label of a code (`censusLabel('SEX', 2)` →
 * "Female"; a blank gives the variable's N/A label, e.g. ESR →
 * "N/A (less than 16 years old)"). Numeric variables (AGEP, PINCP, WKHP, …)
 * and identifiers have no category labels: undefined. Cached per code.
 */
export function censusLabel(variable: string, code: string | number | null): string | undefined {
  let byCode = cache.get(variable);
  if (byCode === undefined) {
    byCode = new Map();
    cache.set(variable, byCode);
  }
  const key = code === null ? "" : String(code);
  if (byCode.has(key)) return byCode.get(key);
  const codebook = pumsCodebook();
  let label: string | undefined;
  if (codebook.has(variable) && codebook.variable(variable).type === 'Character') {
    const value = codebook.find(variable, code);
    label = value === undefined || value.range !== undefined ? undefined : value.label;
  }
  byCode.set(key, label);
  return label;
}

/**
 * Whether the 2024 PUMS data dictionary has a blank (N/A) code for `variable`:
 * its value list has a `b`, `bb`, … line (ESR "N/A (less than 16 years old)").
 * AGEP, SEX, RAC1P, HISP, CIT, NATIVITY, MAR, DIS, HICOV, PRIVCOV, PUBCOV,
 * DEAR, DEYE and every other variable without such a line is never blank.
 * @throws {InputError} for a variable that is not in the dictionary.
 */
export function censusBlankAllowed(variable: string): boolean {
  return entryShape(variable).blank;
}

const shapes = new Map<string, { readonly blank: boolean; readonly identifier: boolean }>();

/** Per variable, cached: whether its entry has a blank code, and whether it is an identifier with a non-numeric range. */
function entryShape(variable: string): { readonly blank: boolean; readonly identifier: boolean } {
  let shape = shapes.get(variable);
  if (shape === undefined) {
    const values = pumsCodebook().variable(variable).values;
    shape = {
      blank: values.some((value) => value.code === '' && value.range === undefined),
      identifier: values.some((value) => value.range === undefined && value.raw.includes('..')),
    };
    shapes.set(variable, shape);
  }
  return shape;
}

/**
 * Whether the 2024 PUMS data dictionary lists `code` for `variable` (an exact code or a
 * numeric range such as AGEP's `0..99`). A blank (`null` or `''`) is listed only when the
 * variable's entry has a blank code ({@link censusBlankAllowed}: MAR has none, ESR has
 * one). Identifiers whose dictionary entry is a non-numeric range (SERIALNO
 * `2024HU0000001..2024HU9999999`) are not judged: any non-blank value gives true.
 * @throws {InputError} for a variable that is not in the dictionary.
 */
export function censusCodeKnown(variable: string, code: string | number | null): boolean {
  if (code === null || code === '') return censusBlankAllowed(variable);
  if (entryShape(variable).identifier) return true;
  return pumsCodebook().find(variable, code) !== undefined;
}
