/**
 * Every user-facing message of `@persona/census`, in one place so that tests
 * can assert on the same text the user sees.
 */
export const message = {
  // Codebook (codebook/)
  unknownVariable: (name: string) =>
    `Unrecognized PUMS variable: ${name} (expected a variable of the 2024 ACS PUMS data dictionary, e.g. SCHL, AGEP, RAC1P)`,
  unknownCode: (name: string, code: string) =>
    `code "${code}" is not in the data dictionary's list for ${name} (codes are compared without leading zeros: "01" and "1" are the same)`,
  dictionaryValueOutsideVariable: (text: string) => `a value line before any variable header: "${text}"`,
  dictionaryEmpty: () => 'no variable found (expected lines like "AGEP        Numeric     2")',

  // Tables (pums/)
  notAnInteger: (value: string) => `expected an integer or a blank, got "${value}"`,
  notIntColumn: (name: string) => `column ${name} holds text, not integer codes`,
  notTextColumn: (name: string) => `column ${name} holds integer codes, not text`,
  unknownColumn: (name: string, available: readonly string[]) =>
    `Unrecognized column: ${name} (the table has: ${available.slice(0, 40).join(', ')}${available.length > 40 ? ', …' : ''})`,
  seedChecksum: (expected: string, actual: string) =>
    `the embedded PUMS seed does not match its recorded sha256 (expected ${expected}, got ${actual}); restore data/census from git`,
  missingRequired: (missing: readonly string[]) =>
    `missing required PUMS column${missing.length === 1 ? '' : 's'}: ${missing.join(', ')}`,
  invalidBatchSize: (value: number) => `invalid batch size: expected a positive integer. Value: \`${value}\`.`,

  // Recodes (recodes/)
  unknownRecode: (name: string, available: readonly string[]) =>
    `Unrecognized recode: ${name} (available: ${available.join(', ')})`,
  blankInUniverse: (variable: string, recode: string) =>
    `${variable} is blank for a person inside the universe of recode "${recode}" (impute the CA/TX rows of the seed with imputeHotDeck first, or drop rows with missing data)`,
  codeOutsideRecode: (variable: string, value: number, recode: string) =>
    `${variable} = ${value} is not a code that recode "${recode}" knows (see the 2024 PUMS data dictionary)`,
  ageOutsideRange: (value: number, recode: string) =>
    `AGEP = ${value} is not an age in years as PUMS codes it (expected 0 to 99: 0 = under 1 year, 99 = 99 years and over, top-coded; 2024 PUMS data dictionary); recode "${recode}" cannot place it`,
  serialNotHuOrGq: (serial: string, recode: string) =>
    `SERIALNO "${serial}" is neither a housing-unit serial (YYYYHU…) nor a group-quarters person's (YYYYGQ…); recode "${recode}" needs it to tell the household population from group quarters`,
  unknownState: (state: string) => `STATE "${state}" is not one of the 50 states or DC`,
  recodeNeedsColumns: (recode: string, missing: readonly string[]) =>
    `margin variable "${recode}" is not a column of the sample; it is a census recode derived from ${missing.join(', ')}, which the sample lacks too`,

  // Hot-deck imputation (imputation/)
  noDonor: (row: number, cell: string) =>
    `no donor for row ${row} even in the coarsest matching cell (${cell}); the donor pool lacks that age band, sex, nativity, disability and group-quarters combination`,
  blankMatchVariable: (variable: string) =>
    `${variable} is blank, but the hot deck matches recipients to donors on it (expected a code on every row)`,
  recipientsLength: (length: number, rows: number) => `the recipients mask has ${length} entries, the table has ${rows} rows`,
  tooManyItems: (count: number) => `at most 31 items can be imputed at once (one IMPFLAGS bit each), got ${count}`,
  tooManyCells: (level: string) => `matching codes too large: the cells of hot-deck level "${level}" cannot be numbered (expected PUMS codes)`,
  noRecipients: () => 'no row to impute: every row already has the item columns',
  invalidMinDonors: (value: number) => `invalid minimum donor count: expected a positive integer. Value: \`${value}\`.`,
} as const;
