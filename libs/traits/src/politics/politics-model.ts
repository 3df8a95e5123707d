import { InputError, type Rng } from '@persona/core';
import { message } from '../messages.js';
import { cellOf, outcomeAt, parseConditionalTable, type ConditionalTable } from '../survey-tables/conditional-table.js';
import { codeOf, type CensusPerson } from '../survey-tables/demographic-cell.js';
import { arrayAt, displayPath, objectAt, readJsonFile, stringAt } from '../survey-tables/read-json.js';

/** data/traits/politics.json, resolved from this module (works from src/ and dist/). */
export const politicsDataPath = new URL('../../../../data/traits/politics.json', import.meta.url);

/** A category of party identification or of ideology. */
export interface PoliticalCategory {
  readonly id: string;
  readonly label: string;
}

/** P(party, ideology | age, race/ethnicity, education, sex) for adults. */
export interface PoliticsModel {
  /** Democrat or leans Democratic, Republican or leans Republican, Independent with no lean. */
  readonly party: readonly PoliticalCategory[];
  /** Liberal, Moderate, Conservative. */
  readonly ideology: readonly PoliticalCategory[];
  /** Cells age × race × education × sex; outcome index = party × ideology.length + ideology. */
  readonly table: ConditionalTable;
}

/** A drawn party identification and ideology. */
export interface PoliticalViews {
  readonly party: PoliticalCategory;
  readonly ideology: PoliticalCategory;
}

function categories(value: unknown, file: string, field: string): PoliticalCategory[] {
  return arrayAt(value, file, field).map((entry, i) => {
    const c = objectAt(entry, file, `${field}[${i}]`);
    return { id: stringAt(c.id, file, `${field}[${i}].id`), label: stringAt(c.label, file, `${field}[${i}].label`) };
  });
}

/**
 * Validates a parsed politics.json.
 * @throws {InputError} naming `file` and the malformed field.
 */
export function parsePoliticsModel(json: unknown, file: string): PoliticsModel {
  const root = objectAt(json, file, '(root)');
  const party = categories(root.party, file, 'party');
  const ideology = categories(root.ideology, file, 'ideology');
  const table = parseConditionalTable(root, file, ['age', 'race', 'education', 'sex'], party.length * ideology.length);
  return { party, ideology, table };
}

let cached: PoliticsModel | undefined;

/**
 * Loads and validates the politics model (default: the embedded
 * data/traits/politics.json, cached).
 * @throws {InputError} for an unreadable or malformed file (file, field).
 */
export function loadPoliticsModel(path: string | URL = politicsDataPath): PoliticsModel {
  if (path === politicsDataPath && cached) return cached;
  const model = parsePoliticsModel(readJsonFile(path), displayPath(path));
  if (path === politicsDataPath) cached = model;
  return model;
}

/**
 * The joint distribution of (party, ideology) for an adult, row of the raked
 * table (index party × ideology count + ideology); `null` under 18, where
 * party identification and ideology are not defined (Pew and Gallup survey adults).
 * @throws {InputError} when AGEP, RAC1P/HISP, SCHL or SEX is blank or out of range.
 */
export function politicsProbabilities(model: PoliticsModel, person: CensusPerson): Float64Array | null {
  const cell = adultCell(model.table, person);
  if (cell === null) return null;
  return model.table.probabilities.slice(cell * model.table.outcomes, (cell + 1) * model.table.outcomes);
}

/**
 * Draws party identification and ideology jointly for an adult (one uniform
 * from `rng`, inverse CDF over {@link politicsProbabilities}); `null` under 18.
 * Sources: Pew Research Center leaned party identification of registered
 * voters (2019, 2023) and Gallup ideology (2019), combined by raking (see
 * data/traits/politics.json `method`).
 */
export function drawPolitics(model: PoliticsModel, person: CensusPerson, rng: Rng): PoliticalViews | null {
  return drawPoliticsInCell(model, politicsCell(model, person), rng);
}

/**
 * The cell of {@link drawPolitics} for a person (`null` under 18), for a
 * caller that draws many times for one (unchanged) person record:
 * `drawPoliticsInCell(model, politicsCell(model, person), rng)` is `drawPolitics(model, person, rng)`.
 * @throws {InputError} when AGEP, RAC1P/HISP, SCHL or SEX is blank or out of range.
 */
export function politicsCell(model: PoliticsModel, person: CensusPerson): number | null {
  return adultCell(model.table, person);
}

/** {@link drawPolitics} for a person placed by {@link politicsCell}: `null` for a null cell (under 18), else one uniform from `rng`. */
export function drawPoliticsInCell(model: PoliticsModel, cell: number | null, rng: Rng): PoliticalViews | null {
  if (cell === null) return null;
  const y = outcomeAt(model.table, cell, rng.next());
  const n = model.ideology.length;
  return { party: model.party[Math.floor(y / n)], ideology: model.ideology[y % n] };
}

function adultCell(table: ConditionalTable, person: CensusPerson): number | null {
  const age = codeOf(person, 'AGEP');
  if (age === null || age < 0) throw new InputError(message.personField('AGEP', person.AGEP), { field: 'AGEP' });
  return age < 18 ? null : cellOf(table, person);
}
