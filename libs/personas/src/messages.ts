/** "a, b or c". */
function orList(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** "k of N consistency rules applicable" (validate's summary). */
function rulesApplicable(applicable: number, rules: number): string {
  const unread = rules - applicable;
  const why = unread === 1 ? '1 rule reads a field no persona carries' : `${unread} rules read fields no persona carries`;
  return `${applicable} of ${rules} consistency rules applicable${unread > 0 ? ` (${why}; per rule: --json "skipped")` : ''}`;
}

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
  noPersonaFields: (found: readonly string[]) =>
    `expected census.X columns of PUMS codes (as persona generate writes) or a "persona" column of PERSONA's "key: value" strings, found ${
      found.length === 0 ? 'none' : `only ${found.slice(0, 20).join(', ')}${found.length > 20 ? ', …' : ''}`
    }`,
  censusAgeMissing: () => 'expected census.AGEP (age) in every record: every universe rule reads age, so without it nothing could be checked',
  censusCodeNotInteger: (field: string, value: string) => `census field ${field} is "${value}": expected an integer PUMS code or null (blank)`,
  censusCodeUnknown: (field: string, value: string) =>
    `census field ${field} is "${value}": the ACS 2024 PUMS data dictionary lists no such code`,
  censusBlankNotAllowed: (field: string) =>
    `census field ${field} is blank (null): the ACS 2024 PUMS data dictionary has no N/A code for ${field}, every person has a value`,
  unknownCensusVariable: (field: string) => `census field ${field} is not a variable of the ACS 2024 PUMS data dictionary`,
  unknownAttribute: (key: string) => `unknown persona attribute "${key}" (not one of PERSONA's 33 attribute keys, data/personas/persona_hf_attributes.json)`,
  personaLineMalformed: (line: number, text: string) =>
    `line ${line} of the persona is ${JSON.stringify(text)}: expected "key: value" (one attribute per line)`,
  personaKeyRepeated: (key: string, first: number, line: number) =>
    `line ${line} of the persona repeats the attribute ${JSON.stringify(key)} (first on line ${first}): expected each attribute once`,
  personaEmpty: () => 'the persona has no attributes: expected "key: value" lines',
  noPersonaBlocks: () => 'expected persona blocks of "key: value" lines separated by blank lines, found none',
  noPersonaRecords: () => 'expected at least one persona record (as persona generate writes), found none',
  invalidJson: (detail: string) => `invalid JSON: ${detail}`,
  jsonNotPersonaArray: () => 'expected a JSON array of persona strings ("age: 41\nsex: Female…") or of objects with a "persona" string',
  formatUndetected: (path: string) =>
    `cannot tell the format of ${path}: expected .jsonl, .csv or .parquet (persona generate, or a "persona" column), .json (an array of persona strings) or .txt (PERSONA "key: value" blocks), optionally .gz; give --format jsonl|persona-hf`,
  noRuleApplicable: (rules: number) =>
    `none of the ${rules} consistency rules applies to any persona: the personas lack every field the rules read (expected census.AGEP and other PUMS codes, or PERSONA attributes such as "age", "employment status")`,
  ruleKindUnknown: (id: string, kind: unknown, kinds: readonly string[]) =>
    `data/personas/rules.json: rule ${id} has kind ${JSON.stringify(kind)}, expected one of ${kinds.join(', ')}`,
  outExtensionUnknown: (path: string, endings: readonly string[], personaHfEndings: readonly string[]) =>
    `expected an output file ending in ${orList(endings)} (or, with --format persona-hf, ${orList(personaHfEndings)}), got "${path}"`,
  rulesApplicable,
  validateClean: (count: number, applicable: number, rules: number) =>
    `${count} persona${count === 1 ? '' : 's'} checked, ${rulesApplicable(applicable, rules)}: no violation`,
  validateViolations: (violations: number, personas: number, count: number, byKind: Readonly<Record<'contradiction' | 'universe' | 'code', number>>) =>
    `${violations} violation${violations === 1 ? '' : 's'} in ${personas} of ${count} personas: ${byKind.contradiction} contradiction${byKind.contradiction === 1 ? '' : 's'}, ${byKind.universe} not-applicable labelling (universe), ${byKind.code} census value${byKind.code === 1 ? '' : 's'} not allowed by the PUMS dictionary (code)`,
  validateUnrecognised: (count: number) => `${count} value${count === 1 ? '' : 's'} map${count === 1 ? 's' : ''} to no PUMS code and ${count === 1 ? 'was' : 'were'} not checked (see --json "unrecognised")`,
} as const;
