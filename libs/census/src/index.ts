export { message as censusMessage } from './messages.js';
export { pumsSeedPath, pumsDictionaryPath, defaultMarginsPath, nationalMarginsPath } from './paths.js';
export { normaliseCode } from './codebook/normalise-code.js';
export { parsePumsDictionary, type PumsVariable, type PumsValueLabel } from './codebook/parse-dictionary.js';
export { Codebook, pumsCodebook } from './codebook/codebook.js';
export { PumsTable, type PumsColumn, type IntColumn, type TextColumn, type PumsRecord } from './pums/pums-table.js';
export { loadPumsSeed, PUMS_SEED_SHA256, PUMS_SEED_ROWS, PUMS_SEED_WEIGHT_MULTIPLIER } from './pums/load-seed.js';
export {
  readPums,
  streamPums,
  replicateWeightColumns,
  REPLICATE_WEIGHTS,
  type ReadPumsOptions,
  type StreamPumsOptions,
} from './pums/read-pums.js';
export { imputeHotDeck, isImputed, type HotDeckOptions, type HotDeckResult } from './imputation/hot-deck.js';
export { MATCH_LEVELS, AGE_BAND_LOWER_BOUNDS, ageBand, type MatchLevel } from './imputation/match-cells.js';
export { SEED_MISSING_ITEMS } from './imputation/seed-missing-items.js';
export { recodes, applyRecodes } from './recodes/registry.js';
export { deriveCensusRecodes, type StringColumns } from './recodes/derive-recodes.js';
export { NOT_IN_UNIVERSE, type Recode } from './recodes/recode.js';
export { inCivilianHouseholdPopulation, CIVILIAN_HOUSEHOLD_VARIABLES } from './recodes/civilian-household.js';
export { ADJINC_2024 } from './recodes/personal-income.js';
export { regionOfState } from './recodes/census-region.js';
export { loadDefaultMargins, defaultRakingMargins, DEFAULT_RAKING_VARIABLES, DEFAULT_BALANCING_VARIABLES, type Margins } from './margins/default-margins.js';
