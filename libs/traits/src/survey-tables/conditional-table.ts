import { InputError } from '@persona/core';
import { message } from '../messages.js';
import { SURVEY_VARIABLES, levelOf, type CensusPerson, type SurveyVariable } from './demographic-cell.js';
import { arrayAt, numberAt, objectAt } from './read-json.js';

/**
 * A conditional distribution P(y | x) over the cells x of a cross-classification
 * of survey variables (the last variable varies fastest), stored as
 * cumulative probabilities for inverse-CDF sampling.
 */
export interface ConditionalTable {
  readonly variables: readonly SurveyVariable[];
  /** Number of outcome categories. */
  readonly outcomes: number;
  /** P(y | x), row-major: cells × outcomes. */
  readonly probabilities: Float64Array;
  /** Running sums of each row (last entry of a row forced to 1). */
  readonly cumulative: Float64Array;
  /** ACS adult count of each cell (the weights the table was fitted with). */
  readonly cellWeights: Float64Array;
}

/**
 * Validates the `variables`, `cellWeights` and `probabilities` fields of a
 * derived survey table (data/traits/religion.json, politics.json).
 * @throws {InputError} naming the file and the field that is malformed.
 */
export function parseConditionalTable(
  json: Record<string, unknown>,
  file: string,
  expected: readonly SurveyVariable[],
  outcomes: number,
  field = 'probabilities',
): ConditionalTable {
  const variables = objectAt(json.variables, file, 'variables');
  const names = Object.keys(variables);
  if (names.length !== expected.length || names.some((name, i) => name !== expected[i])) {
    throw new InputError(message.unknownVariable(names.join(','), expected), { file, field: 'variables' });
  }
  for (const name of expected) {
    const levels = arrayAt(objectAt(variables[name], file, `variables.${name}`).levels, file, `variables.${name}.levels`);
    const want = SURVEY_VARIABLES[name];
    if (levels.length !== want.length || levels.some((level, i) => level !== want[i])) {
      throw new InputError(message.levelsMismatch(name, want), { file, field: `variables.${name}.levels` });
    }
  }
  const cells = expected.reduce((n, name) => n * SURVEY_VARIABLES[name].length, 1);
  return buildTable(json, file, expected, outcomes, cells, field);
}

/** Reads `field` (cells × outcomes) and `cellWeights` into a table. */
export function buildTable(
  json: Record<string, unknown>,
  file: string,
  variables: readonly SurveyVariable[],
  outcomes: number,
  cells: number,
  field: string,
): ConditionalTable {
  const rows = arrayAt(json[field], file, field);
  if (rows.length !== cells) throw new InputError(message.cellCount(rows.length, cells), { file, field });
  const probabilities = new Float64Array(cells * outcomes);
  const cumulative = new Float64Array(cells * outcomes);
  for (let x = 0; x < cells; x++) {
    const row = arrayAt(rows[x], file, `${field}[${x}]`, outcomes);
    let sum = 0;
    for (let y = 0; y < outcomes; y++) {
      const p = numberAt(row[y], file, `${field}[${x}][${y}]`);
      if (p < 0) throw new InputError(message.negativeProbability(p), { file, field: `${field}[${x}][${y}]` });
      probabilities[x * outcomes + y] = p;
      sum += p;
      cumulative[x * outcomes + y] = sum;
    }
    if (Math.abs(sum - 1) > 1e-6) throw new InputError(message.probabilityRowSum(sum), { file, field: `${field}[${x}]` });
    for (let y = 0; y < outcomes; y++) cumulative[x * outcomes + y] /= sum;
    cumulative[x * outcomes + outcomes - 1] = 1;
  }
  const cellWeights = new Float64Array(cells);
  if (json.cellWeights !== undefined) {
    const weights = arrayAt(json.cellWeights, file, 'cellWeights', cells);
    for (let x = 0; x < cells; x++) cellWeights[x] = numberAt(weights[x], file, `cellWeights[${x}]`);
  }
  return { variables, outcomes, probabilities, cumulative, cellWeights };
}

/**
 * The cell index of a person (mixed radix over the table's variables), or
 * throws an InputError naming the first census field that cannot be placed.
 */
export function cellOf(table: ConditionalTable, person: CensusPerson): number {
  let cell = 0;
  for (const variable of table.variables) {
    const level = levelOf(person, variable);
    if (level < 0) throw new InputError(message.personField(FIELD_OF[variable], person[FIELD_OF[variable]]), { field: FIELD_OF[variable] });
    cell = cell * SURVEY_VARIABLES[variable].length + level;
  }
  return cell;
}

const FIELD_OF: Record<SurveyVariable, string> = { age: 'AGEP', race: 'RAC1P', education: 'SCHL', region: 'STATE', sex: 'SEX' };

/** The outcome whose cumulative interval of row `cell` holds `u` ∈ [0, 1) (inverse CDF). */
export function outcomeAt(table: ConditionalTable, cell: number, u: number): number {
  const base = cell * table.outcomes;
  let y = 0;
  while (y < table.outcomes - 1 && u >= table.cumulative[base + y]) y++;
  return y;
}
