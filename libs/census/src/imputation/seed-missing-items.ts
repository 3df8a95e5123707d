/**
 * The 26 columns that the California and Texas rows of the seed (FULLCOLS = 0)
 * lack: their source files carried only SERIALNO, SPORDER, STATE, PUMA, PWGTP,
 * AGEP, RAC1P, HISP, SCHL, SEX, CIT and DIS (data/census/README.md).
 * The order fixes the bits of the IMPFLAGS column (bit j ↔ item j).
 */
export const SEED_MISSING_ITEMS: readonly string[] = Object.freeze([
  'NATIVITY', 'LANX', 'ENG', 'FOD1P', 'MAR', 'FER', 'ESR', 'INDP', 'OCCP', 'COW', 'WKHP', 'WKWN', 'JWMNP',
  'JWTRNS', 'PINCP', 'WAGP', 'POVPIP', 'MIGSP', 'HICOV', 'PRIVCOV', 'PUBCOV', 'DEAR', 'DEYE', 'DREM', 'DPHY', 'MIL',
]);
