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
