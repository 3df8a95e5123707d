/**
 * Locations of the embedded data files (data/census/ at the repository root),
 * resolved from this module so that they work from both src/ and dist/.
 */
const dataDir = new URL('../../../data/census/', import.meta.url);

/** ACS 2024 1-year PUMS person records, systematic 1-in-100 household sample (see data/census/README.md). */
export const pumsSeedPath = new URL('acs2024_1yr_person_us_1in100hh.csv', dataDir);
/** The Census Bureau's 2024 ACS PUMS data dictionary, text layout, verbatim. */
export const pumsDictionaryPath = new URL('census_pums_acs1_2024_data_dict.txt', dataDir);
/** The default raking margins (ACS 2022 1-year, CONTRACTS.md MARGINS.json form). */
export const defaultMarginsPath = new URL('acs2022_margins.json', dataDir);
/** Tidy ACS 2022 national margins from which the default margins are derived. */
export const nationalMarginsPath = new URL('us_national_margins.json', dataDir);
