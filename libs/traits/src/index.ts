export { message as traitsMessage } from './messages.js';
export { personaStream, personaRng, attributeStream, TRAIT_STREAMS } from './streams/persona-stream.js';
export { BIG_FIVE_TRAITS, BIG_FIVE_LABELS, type BigFiveTrait } from './big-five/big-five-traits.js';
export { BIG_FIVE_LEVELS, bigFiveLevel, levelProportions, type BigFiveLevel } from './big-five/big-five-levels.js';
export { formatBigFive } from './big-five/format-big-five.js';
export { normalCdf } from './big-five/normal-cdf.js';
export { cholesky } from './big-five/cholesky.js';
export { loadBigFiveData, parseBigFiveData, bigFiveDataPath, type BigFiveData } from './big-five/big-five-data.js';
export { bigFiveMeans } from './big-five/big-five-means.js';
export { SCHWARTZ_VALUES, type SchwartzValue } from './values/schwartz-values.js';
export { loadSchwartzData, parseSchwartzData, schwartzDataPath, type SchwartzData } from './values/schwartz-data.js';
export { valueMeans } from './values/value-means.js';
export { symmetricEigen } from './values/symmetric-eigen.js';
export { nearestCorrelationMatrix, type NearestCorrelationResult } from './values/nearest-correlation.js';
export { traitValueCorrelations } from './values/trait-value-correlations.js';
export { personalityModel, type PersonalityModel } from './values/personality-model.js';
export {
  drawBigFive,
  drawPersonality,
  drawPersonalities,
  type Personality,
  type PersonalityBatch,
} from './values/draw-personality.js';
export { SURVEY_VARIABLES, levelOf, type CensusPerson, type SurveyVariable } from './survey-tables/demographic-cell.js';
export type { ConditionalTable } from './survey-tables/conditional-table.js';
export {
  loadReligionModel,
  parseReligionModel,
  religionProbabilities,
  drawReligion,
  placeReligion,
  drawReligionAt,
  religionDataPath,
  type ReligionPlace,
  type ReligionModel,
  type ReligionCategory,
} from './religion/religion-model.js';
export {
  loadPoliticsModel,
  parsePoliticsModel,
  politicsProbabilities,
  drawPolitics,
  politicsCell,
  drawPoliticsInCell,
  politicsDataPath,
  type PoliticsModel,
  type PoliticalCategory,
  type PoliticalViews,
} from './politics/politics-model.js';
export { isEligible, type EligibilityRule, type Condition, type FlagDefinition, type RuleVocabulary } from './idiosyncrasies/eligibility-rule.js';
export {
  IDIOSYNCRASY_CATEGORIES,
  MIN_LIST_ENTRIES,
  loadIdiosyncrasyLists,
  parseIdiosyncrasyList,
  parseRuleVocabulary,
  listsDirectory,
  type IdiosyncrasyCategory,
  type IdiosyncrasyEntry,
  type IdiosyncrasyLists,
} from './idiosyncrasies/idiosyncrasy-lists.js';
export {
  IdiosyncrasySampler,
  drawIdiosyncrasies,
  DEFAULT_IDIOSYNCRASY_COUNTS,
  type IdiosyncrasyCounts,
  type Idiosyncrasies,
} from './idiosyncrasies/idiosyncrasy-sampler.js';
