import { InputError, type Rng } from '@persona/core';
import { message } from '../messages.js';
import { buildTable, cellOf, outcomeAt, parseConditionalTable, type ConditionalTable } from '../survey-tables/conditional-table.js';
import { SURVEY_VARIABLES, codeOf, levelOf, type CensusPerson } from '../survey-tables/demographic-cell.js';
import { arrayAt, displayPath, objectAt, readJsonFile, stringAt } from '../survey-tables/read-json.js';

/** data/traits/religion.json, resolved from this module (works from src/ and dist/). */
export const religionDataPath = new URL('../../../../data/traits/religion.json', import.meta.url);

/** One religion category of the Pew Religious Landscape Study. */
export interface ReligionCategory {
  /** Stable id, e.g. `evangelical_protestant`. */
  readonly id: string;
  /** Pew's label, e.g. `Evangelical Protestant`. */
  readonly label: string;
  /** The coarse family PERSONA-style text uses: Protestant, Catholic, Religiously Unaffiliated, … */
  readonly family: string;
}

/** P(religion | age, race/ethnicity, education, region) for adults and P(religion | race, region) under 18. */
export interface ReligionModel {
  readonly categories: readonly ReligionCategory[];
  /** Adults: cells age × race × education × region. */
  readonly adults: ConditionalTable;
  /** Under 18: cells race × region (the parents' generation, see religion.json `method.minors`). */
  readonly minors: ConditionalTable;
}

/**
 * Validates a parsed religion.json.
 * @throws {InputError} naming `file` and the malformed field.
 */
export function parseReligionModel(json: unknown, file: string): ReligionModel {
  const root = objectAt(json, file, '(root)');
  const categories = arrayAt(root.categories, file, 'categories').map((entry, i) => {
    const c = objectAt(entry, file, `categories[${i}]`);
    return {
      id: stringAt(c.id, file, `categories[${i}].id`),
      label: stringAt(c.label, file, `categories[${i}].label`),
      family: stringAt(c.family, file, `categories[${i}].family`),
    };
  });
  const adults = parseConditionalTable(root, file, ['age', 'race', 'education', 'region'], categories.length);
  const minorsJson = objectAt(root.minors, file, 'minors');
  const minors = buildTable(
    minorsJson,
    file,
    ['race', 'region'],
    categories.length,
    SURVEY_VARIABLES.race.length * SURVEY_VARIABLES.region.length,
    'probabilities',
  );
  return { categories, adults, minors };
}

let cached: ReligionModel | undefined;

/**
 * Loads and validates the religion model (default: the embedded
 * data/traits/religion.json, cached).
 * @throws {InputError} for an unreadable or malformed file (file, field).
 */
export function loadReligionModel(path: string | URL = religionDataPath): ReligionModel {
  if (path === religionDataPath && cached) return cached;
  const model = parseReligionModel(readJsonFile(path), displayPath(path));
  if (path === religionDataPath) cached = model;
  return model;
}

/**
 * The distribution of religion for one person: P(religion | cell) from the
 * raked Pew RLS table (adults) or the parents'-generation table (under 18).
 * @throws {InputError} when AGEP, RAC1P/HISP, SCHL (adults) or STATE is blank or out of range.
 */
export function religionProbabilities(model: ReligionModel, person: CensusPerson): Float64Array {
  const [table, cell] = placeInTable(model, person);
  return table.probabilities.slice(cell * table.outcomes, (cell + 1) * table.outcomes);
}

/**
 * Draws a religion for one person by inverse-CDF sampling of
 * {@link religionProbabilities} with one uniform from `rng` (use the persona's
 * own stream, e.g. `personaStream(seed, id, 'religion')`).
 * Source: Pew Research Center Religious Landscape Studies 2007/2014/2023-24,
 * combined by raking (see data/traits/religion.json `method`).
 */
export function drawReligion(model: ReligionModel, person: CensusPerson, rng: Rng): ReligionCategory {
  return drawReligionAt(model, placeReligion(model, person), rng);
}

/** Where a person falls in the religion model: the adults' or the minors' table, and the cell. */
export interface ReligionPlace {
  readonly table: ConditionalTable;
  readonly cell: number;
}

/**
 * The table and cell of {@link drawReligion} for a person, for a caller that
 * draws many times for one (unchanged) person record: `drawReligionAt(model,
 * placeReligion(model, person), rng)` is `drawReligion(model, person, rng)`.
 * @throws {InputError} when AGEP, RAC1P/HISP, SCHL (adults) or STATE is blank or out of range.
 */
export function placeReligion(model: ReligionModel, person: CensusPerson): ReligionPlace {
  const [table, cell] = placeInTable(model, person);
  return { table, cell };
}

/** {@link drawReligion} for a person placed by {@link placeReligion}: one uniform from `rng`, inverse CDF. */
export function drawReligionAt(model: ReligionModel, place: ReligionPlace, rng: Rng): ReligionCategory {
  return model.categories[outcomeAt(place.table, place.cell, rng.next())];
}

function placeInTable(model: ReligionModel, person: CensusPerson): [ConditionalTable, number] {
  const age = codeOf(person, 'AGEP');
  if (age === null || age < 0) throw new InputError(message.personField('AGEP', person.AGEP), { field: 'AGEP' });
  if (age >= 18) return [model.adults, cellOf(model.adults, person)];
  const race = levelOf(person, 'race');
  const region = levelOf(person, 'region');
  if (race < 0) throw new InputError(message.personField('RAC1P', person.RAC1P), { field: 'RAC1P' });
  if (region < 0) throw new InputError(message.personField('STATE', person.STATE), { field: 'STATE' });
  return [model.minors, race * SURVEY_VARIABLES.region.length + region];
}
