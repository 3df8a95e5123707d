export { message as personasMessage } from './messages.js';
export { consistencyRules, conditionHolds, violates, ruleApplies, RULE_KINDS, type ConsistencyRule, type RuleCondition, type RuleKind, type CensusFields } from './rules/consistency-rule.js';
export { validatePersonas, emptyRuleCoverage, type RuleViolation, type CheckedRecord, type RuleCoverage } from './rules/validate-personas.js';
export { loadCensusFrame, FRAME_IMPUTATION_SEED, type CensusFrame } from './census-draw/census-frame.js';
export { censusDraw, type CensusDraw, type CensusDrawOptions } from './census-draw/census-draw.js';
export type { PersonaRecord, Provenance, Beliefs, Idiosyncrasies } from './record/persona-record.js';
export { PersonaAssembler } from './record/assemble-persona.js';
export { personalityCorrection } from './record/procedural-fields.js';
export { censusCodeKnown, censusBlankAllowed, censusLabel } from './record/census-labels.js';
export { generatePersonas, personaId, type GenerateOptions, type GeneratedPersonas } from './generate-personas.js';
export { attributeBlock, NOT_AVAILABLE } from './text/attribute-block.js';
export { profileParagraph } from './text/profile-paragraph.js';
export { PERSONA_FORMATS, type PersonaFormat } from './export/persona-formats.js';
export { writePersonas, formatOfPath } from './export/write-personas.js';
export { writePersonasParquet, PARQUET_ROW_GROUP_SIZE } from './export/write-personas-parquet.js';
export { consistencyRulesPath, personaHfAttributesPath } from './paths.js';
export { personaHfAttributes, type PersonaHfAttribute } from './persona-hf/persona-hf-attributes.js';
export { personaHfFields, type UnrecognisedValue } from './persona-hf/persona-hf-fields.js';
export { personasToCensus, type PersonaCensus, type UnmappedValue } from './persona-hf/persona-census.js';
export { parsePersonaBlock, splitPersonaBlocks, type ParsedPersona, type PersonaField } from './persona-hf/persona-block.js';
export {
  PERSONA_ATTRIBUTES,
  PERSONA_DETAIL_ATTRIBUTES,
  PERSONA_INCOME_READINGS,
  PERSONA_RECODES,
  normaliseLabel,
  type PersonaAttribute,
  type PersonaIncomeReading,
  type LabelMatch,
} from './persona-hf/persona-vocabulary.js';
export { validatePersonaFile, PUMS_CODE_RULE, VALIDATE_FORMATS, VIOLATION_KINDS, type ValidateFormat, type ViolationKind, type PersonaFileValidation } from './validate/validate-persona-file.js';
