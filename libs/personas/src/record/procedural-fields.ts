import type { Rng } from '@persona/core';
import {
  BIG_FIVE_TRAITS,
  bigFiveLevel,
  IdiosyncrasySampler,
  drawPersonality,
  drawPoliticsInCell,
  drawReligionAt,
  loadPoliticsModel,
  loadReligionModel,
  personalityModel,
  placeReligion,
  politicsCell,
  attributeStream,
  personaRng,
  SCHWARTZ_VALUES,
  type PersonalityModel,
  type ReligionCategory,
  type ReligionPlace,
} from '@persona/traits';
import type { Beliefs, Idiosyncrasies } from './persona-record.js';

/** The procedurally generated fields of one persona. */
export interface ProceduralFields {
  readonly traits: Record<string, number>;
  readonly bigFiveLevels: Record<string, string>;
  readonly values: Record<string, number>;
  readonly beliefs: Beliefs;
  readonly idiosyncrasies: Idiosyncrasies;
}

let embedded: PersonalityModel | undefined;
let sampler: IdiosyncrasySampler | undefined;

/** The scores of the persona being drawn (copied into its record at once, so one pair of arrays serves every persona). */
const PERSONALITY = { bigFive: new Float64Array(5), values: new Float64Array(10) };

/** Rounds a score to 4 decimals (the file keeps scores readable and byte-stable). */
const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

/** What the procedural fields read of a census record, worked out once per record (records drawn from one frame row share it). */
export interface PersonPlacement {
  readonly age: number;
  readonly sex: number;
  /** The person's cell of the idiosyncrasy lists' eligibility rules. */
  readonly idiosyncrasyCell: ReturnType<IdiosyncrasySampler['cellOf']>;
  /** The person's table and cell of the religion model. */
  readonly religion: ReligionPlace;
  /** The person's cell of the politics model (null under 18). */
  readonly politicsCell: number | null;
}

/** The placement of a census record (see {@link PersonPlacement}). */
export function placePerson(census: Readonly<Record<string, string | null>>): PersonPlacement {
  sampler ??= new IdiosyncrasySampler();
  return {
    age: Number(census.AGEP),
    sex: Number(census.SEX),
    idiosyncrasyCell: sampler.cellOf(census),
    religion: placeReligion(loadReligionModel(), census),
    politicsCell: politicsCell(loadPoliticsModel(), census),
  };
}

/** The joint Big Five × Schwartz model of the embedded big-five.json and schwartz.json (`personalityModel()` of `@persona/traits`), built once, when first needed. */
export function embeddedPersonalityModel(): PersonalityModel {
  embedded ??= personalityModel();
  return embedded;
}

/**
 * The nearest-correlation correction of a joint Big Five × Schwartz model that
 * {@link drawProceduralFields} draws from (`model.correction` of
 * `@persona/traits`' `personalityModel`; default: the model of the embedded
 * files): whether it was applied, how far it moved the matrix, and whether
 * Higham's (2002) alternating projections converged.
 */
export function personalityCorrection(model: PersonalityModel = embeddedPersonalityModel()): PersonalityModel['correction'] {
  return model.correction;
}

/**
 * A persona's procedural fields, each from its own stream
 * (`personaStream(seed, id, attribute)` of `@persona/traits`): Big Five and
 * Schwartz values jointly by `drawPersonality` from `model` (conditional on age
 * and sex), PERSONA's five levels by `bigFiveLevel` with the model's cut points;
 * religion, ideology and party, and the idiosyncratic fields, by the
 * generators of `@persona/traits`, conditioned on the census fields as
 * placed by `placePerson(census)` (`place`).
 */
export function drawProceduralFields(seed: number | string, id: string, place: PersonPlacement, model: PersonalityModel): ProceduralFields {
  const personality = drawPersonality(model, seed, id, place.age, place.sex, PERSONALITY);
  const traits: Record<string, number> = {};
  const bigFiveLevels: Record<string, string> = {};
  for (let i = 0; i < BIG_FIVE_TRAITS.length; i++) {
    const trait = BIG_FIVE_TRAITS[i]!;
    const z = round4(personality.bigFive[i]!);
    traits[trait] = z;
    bigFiveLevels[trait] = bigFiveLevel(z, model.bigFive.levelCuts);
  }
  const values: Record<string, number> = {};
  for (let i = 0; i < SCHWARTZ_VALUES.length; i++) values[SCHWARTZ_VALUES[i]!] = round4(personality.values[i]!);
  // `attributeStream(personaRng(seed, id), a)` is `personaStream(seed, id, a)`: the persona part of the path is hashed once.
  const persona = personaRng(seed, id);
  // Religion first: the idiosyncrasy rules test its family (religious-practice entries).
  const religion = drawReligionAt(loadReligionModel(), place.religion, attributeStream(persona, 'religion'));
  return { traits, bigFiveLevels, values, beliefs: drawBeliefs(persona, place, religion), idiosyncrasies: drawQuirks(persona, place, religion.family) };
}

/** What a persona under 18 gets for party and ideology (Pew and Gallup survey adults only). */
export const NOT_APPLICABLE = 'Not applicable';

/**
 * The beliefs of a persona: its religion (Pew Religious Landscape Study
 * categories, conditional on age, race/ethnicity, education and region;
 * `drawReligionAt`, drawn by the caller from the stream `religion`), party
 * and ideology jointly (Pew/Gallup, conditional on age, race/ethnicity,
 * education and sex; `drawPolitics`) from the stream `politics`; under 18,
 * party and ideology are {@link NOT_APPLICABLE}.
 */
function drawBeliefs(persona: Rng, place: PersonPlacement, religion: ReligionCategory): Beliefs {
  const politics = drawPoliticsInCell(loadPoliticsModel(), place.politicsCell, attributeStream(persona, 'politics'));
  return {
    religion: religion.label,
    ideology: politics === null ? NOT_APPLICABLE : politics.ideology.label,
    party: politics === null ? NOT_APPLICABLE : politics.party.label,
  };
}

/**
 * Quirks, mannerisms, hobbies, lifestyle and personal time: distinct entries
 * of the project's curated lists whose eligibility rules the person and the
 * family of their drawn religion meet (`IdiosyncrasySampler.drawInCell` on
 * the person's cell, default counts), from the stream `idiosyncrasies`;
 * the entries of a category are joined with "; ".
 */
function drawQuirks(persona: Rng, place: PersonPlacement, religionFamily: string): Idiosyncrasies {
  const drawn = sampler!.drawInCell(place.idiosyncrasyCell, attributeStream(persona, 'idiosyncrasies'), undefined, religionFamily);
  return {
    quirks: join(drawn.quirks),
    mannerisms: join(drawn.mannerisms),
    hobbies: join(drawn.hobbies),
    lifestyle: join(drawn.lifestyle),
    personalTime: join(drawn.personalTime),
  };
}

/** The texts of drawn entries joined with "; ". */
function join(entries: readonly { readonly text: string }[]): string {
  if (entries.length === 0) return '';
  let text = entries[0]!.text;
  for (let i = 1; i < entries.length; i++) text += `; ${entries[i]!.text}`;
  return text;
}
