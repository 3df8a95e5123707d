/**
 * Every user-facing message of `@persona/personas`, in one place so that
 * tests assert on the same text the user sees.
 */
export const message = {
  invalidCount: (n: unknown) => `expected the number of personas to be a positive integer, got ${String(n)}`,
  noEligibleRows: () => 'no census row is eligible for the draw (every row is excluded by the consistency rules or by --adults-only)',
  parquetFieldType: (id: string, column: string, expected: string, value: unknown) => `persona ${id}: column ${column} is ${JSON.stringify(value) ?? 'missing'}, expected ${expected} (every persona of a Parquet file has the first one's columns)`,
  outExtension: (path: string, allowed: readonly string[]) => `expected an output file ending in ${allowed.join(', ')}, got "${path}"`,
  notJsonObject: (detail: string) => `expected one JSON object per line (a persona record): ${detail}`,
  noCensusField: () => 'expected a "census" object of PUMS codes (as persona generate writes), found none',
  censusCodeNotInteger: (field: string, value: string) => `census field ${field} is "${value}": expected an integer PUMS code or null (blank)`,
  censusCodeUnknown: (field: string, value: string) =>
    `census field ${field} is "${value}": the ACS 2024 PUMS data dictionary lists no such code`,
  unknownCensusVariable: (field: string) => `census field ${field} is not a variable of the ACS 2024 PUMS data dictionary`,
  unknownAttribute: (key: string) => `unknown persona attribute "${key}" (not one of PERSONA's 33 attribute keys, data/personas/persona_hf_attributes.json)`,
  personaLineMalformed: (line: number, text: string) =>
    `line ${line} of the persona is ${JSON.stringify(text)}: expected "key: value" (one attribute per line)`,
  personaKeyRepeated: (key: string, first: number, line: number) =>
    `line ${line} of the persona repeats the attribute ${JSON.stringify(key)} (first on line ${first}): expected each attribute once`,
  personaEmpty: () => 'the persona has no attributes: expected "key: value" lines',
  noPersonaBlocks: () => 'expected persona blocks of "key: value" lines separated by blank lines, found none',
  formatUndetected: (path: string) =>
    `cannot tell the format of ${path}: expected .jsonl (persona records) or a text of PERSONA "key: value" blocks (.txt); give --format jsonl|persona-hf`,
  validateClean: (count: number, rules: number) => `${count} persona${count === 1 ? '' : 's'} checked against ${rules} consistency rules: no violation`,
  validateViolations: (violations: number, personas: number, count: number) =>
    `${violations} violation${violations === 1 ? '' : 's'} in ${personas} of ${count} personas`,
} as const;
