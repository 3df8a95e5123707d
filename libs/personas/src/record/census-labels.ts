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
 * Whether the 2024 PUMS data dictionary lists `code` for `variable` (an exact code or a
 * numeric range such as AGEP's `0..99`). A blank is not judged here (the consistency rules
 * decide where a blank is allowed), and neither are identifiers whose dictionary entry is a
 * non-numeric range (SERIALNO `2024HU0000001..2024HU9999999`): both give true.
 * @throws {InputError} for a variable that is not in the dictionary.
 */
export function censusCodeKnown(variable: string, code: string | number | null): boolean {
  if (code === null || code === '') return true;
  const codebook = pumsCodebook();
  if (codebook.variable(variable).values.some((value) => value.range === undefined && value.raw.includes('..'))) return true;
  return codebook.find(variable, code) !== undefined;
}
