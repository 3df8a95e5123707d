import { InputError } from '@persona/core';
import { message } from '../messages.js';
import type { PumsTable } from '../pums/pums-table.js';
import { regionOfState } from '../recodes/census-region.js';

/**
 * Lower bounds of the hot deck's age bands. Every PUMS universe boundary of
 * the imputed items falls on a band edge — MIGSP from 1, SCHL from 3, LANX/ENG/DREM/DPHY
 * from 5, MAR/WAGP/PINCP/FER from 15, ESR/COW/WKHP from 16, MIL from 17,
 * FER up to 50 — so a donor of the same band is always in the same universes
 * as the recipient.
 */
export const AGE_BAND_LOWER_BOUNDS: readonly number[] = Object.freeze([0, 1, 3, 5, 15, 16, 17, 18, 25, 35, 45, 51, 65, 75]);

/** The hot-deck age band (0-based index into {@link AGE_BAND_LOWER_BOUNDS}) of an age. */
export function ageBand(age: number): number {
  let band = 0;
  while (band + 1 < AGE_BAND_LOWER_BOUNDS.length && age >= AGE_BAND_LOWER_BOUNDS[band + 1]) band++;
  return band;
}

/**
 * SCHL bands: 0 blank (under 3), then the seven DP02 attainment groups
 * (1–11, 12–15, 16–17, 18–19, 20, 21, 22–24). `schlDegree` coarsens them to
 * blank / below a bachelor's / bachelor's or higher, the line that decides
 * whether FOD1P (field of degree) is in universe.
 */
function schlBand(schl: number | null): number {
  if (schl === null) return 0;
  if (schl <= 11) return 1;
  if (schl <= 15) return 2;
  if (schl <= 17) return 3;
  if (schl <= 19) return 4;
  if (schl === 20) return 5;
  if (schl === 21) return 6;
  return 7;
}

/** RAC1P in four groups: 1 White, 2 Black, 3 Asian or NHPI (6, 7), 4 AIAN, other or two or more (3–5, 8, 9). */
function raceGroup(rac1p: number): number {
  if (rac1p === 1) return 1;
  if (rac1p === 2) return 2;
  if (rac1p === 6 || rac1p === 7) return 3;
  return 4;
}

/** A matching variable: its per-row codes (1-based; 0 unused) and their number of values + 1. */
interface Feature {
  readonly codes: Int32Array;
  readonly radix: number;
}

/** The matching variables the hot deck can use, by name. */
export type FeatureName =
  | 'region' | 'ageBand' | 'sex' | 'rac1p' | 'raceGroup' | 'hisp' | 'hispanic'
  | 'schlBand' | 'schlDegree' | 'cit' | 'nativity' | 'dis' | 'gq';

/** One level of the collapse hierarchy: the features that must match. */
export interface MatchLevel {
  readonly name: string;
  readonly features: readonly FeatureName[];
  /** True when any non-empty cell is accepted at this level, whatever `minDonors` says. */
  readonly acceptAnyDonor: boolean;
}

/** Matched at every level: age band, sex, nativity and disability. */
const CORE: readonly FeatureName[] = ['ageBand', 'sex', 'nativity', 'dis'];

/**
 * The collapse order. Level 0 is the finest cell; a recipient whose cell
 * holds fewer than `minDonors` donors moves to the next level. Age band, sex,
 * nativity (native/foreign born) and disability (DIS) are never collapsed and
 * SCHL never loses the bachelor's line, so that donors always share the
 * recipient's universes for every imputed item. Level 6, the coarsest that
 * still matches household vs group quarters, takes any non-empty cell; only a
 * recipient with no donor there moves to level 7, which drops group quarters.
 */
export const MATCH_LEVELS: readonly MatchLevel[] = Object.freeze([
  { name: '0 full: region, age band, sex, RAC1P, HISP, SCHL band, CIT, DIS, GQ', features: [...CORE, 'gq', 'region', 'rac1p', 'hisp', 'schlBand', 'cit'], acceptAnyDonor: false },
  { name: '1 HISP → Hispanic yes/no', features: [...CORE, 'gq', 'region', 'rac1p', 'hispanic', 'schlBand', 'cit'], acceptAnyDonor: false },
  { name: '2 CIT → nativity', features: [...CORE, 'gq', 'region', 'rac1p', 'hispanic', 'schlBand'], acceptAnyDonor: false },
  { name: '3 RAC1P → 4 race groups', features: [...CORE, 'gq', 'region', 'raceGroup', 'hispanic', 'schlBand'], acceptAnyDonor: false },
  { name: '4 region dropped (national donors)', features: [...CORE, 'gq', 'raceGroup', 'hispanic', 'schlBand'], acceptAnyDonor: false },
  { name: '5 race and Hispanic origin dropped', features: [...CORE, 'gq', 'schlBand'], acceptAnyDonor: false },
  { name: '6 SCHL band → blank / below bachelor\'s / bachelor\'s+', features: [...CORE, 'gq', 'schlDegree'], acceptAnyDonor: true },
  { name: '7 household/group quarters dropped', features: [...CORE, 'schlDegree'], acceptAnyDonor: true },
] satisfies MatchLevel[]);

/**
 * Computes every matching variable for every row of the table, from the
 * columns the seed's California and Texas rows share with the other states:
 * STATE, AGEP, SEX, RAC1P, HISP, SCHL, CIT, DIS and SERIALNO (GQ persons have
 * `GQ` in characters 5–6).
 * @throws {InputError} for a blank in AGEP, SEX, RAC1P, HISP, CIT or DIS.
 */
export function matchFeatures(table: PumsTable): Record<FeatureName, Feature> {
  const n = table.rowCount;
  const make = () => new Int32Array(n);
  const codes = {
    region: make(), ageBand: make(), sex: make(), rac1p: make(), raceGroup: make(), hisp: make(), hispanic: make(),
    schlBand: make(), schlDegree: make(), cit: make(), nativity: make(), dis: make(), gq: make(),
  };
  const state = table.text('STATE').values;
  const serial = table.text('SERIALNO').values;
  const schl = table.int('SCHL');
  const required = (name: string): Int32Array => {
    const column = table.int(name);
    const blankRow = column.blank.indexOf(1);
    if (blankRow >= 0) throw new InputError(message.blankMatchVariable(name), { file: table.source, index: blankRow, field: name });
    return column.values;
  };
  const age = required('AGEP');
  const sex = required('SEX');
  const race = required('RAC1P');
  const hisp = required('HISP');
  const cit = required('CIT');
  const dis = required('DIS');
  for (let i = 0; i < n; i++) {
    try {
      codes.region[i] = regionOfState(state[i]);
    } catch (error) {
      throw error instanceof InputError ? error.at({ file: table.source, index: i }) : error;
    }
    codes.ageBand[i] = ageBand(age[i]) + 1;
    codes.sex[i] = sex[i];
    codes.rac1p[i] = race[i];
    codes.raceGroup[i] = raceGroup(race[i]);
    codes.hisp[i] = hisp[i];
    codes.hispanic[i] = hisp[i] === 1 ? 1 : 2;
    const band = schlBand(schl.blank[i] === 1 ? null : schl.values[i]);
    codes.schlBand[i] = band + 1;
    codes.schlDegree[i] = band === 0 ? 1 : band >= 6 ? 3 : 2;
    codes.cit[i] = cit[i];
    codes.nativity[i] = cit[i] <= 3 ? 1 : 2;
    codes.dis[i] = dis[i];
    codes.gq[i] = serial[i].charCodeAt(4) === 71 /* G */ && serial[i].charCodeAt(5) === 81 /* Q */ ? 2 : 1;
  }
  const features = {} as Record<FeatureName, Feature>;
  for (const [name, values] of Object.entries(codes) as [FeatureName, Int32Array][]) {
    let max = 0;
    for (let i = 0; i < n; i++) if (values[i] > max) max = values[i];
    features[name] = { codes: values, radix: max + 1 };
  }
  return features;
}

/**
 * Cell key of each row at one level: the level's feature codes in mixed radix,
 * as 31-bit integers (the radices of every level multiply to well under 2^31
 * for PUMS codes; a table whose codes would overflow is rejected).
 */
export function cellKeys(features: Record<FeatureName, Feature>, level: MatchLevel, n: number): Int32Array {
  const span = level.features.reduce((product, name) => product * features[name].radix, 1);
  if (span >= 2 ** 31) throw new InputError(message.tooManyCells(level.name));
  const keys = new Int32Array(n);
  for (const name of level.features) {
    const { codes, radix } = features[name];
    for (let i = 0; i < n; i++) keys[i] = keys[i] * radix + codes[i];
  }
  return keys;
}

/** The recipient's cell at a level, spelled out for messages (`ageBand=7 sex=2 …`). */
export function describeCell(features: Record<FeatureName, Feature>, level: MatchLevel, row: number): string {
  return level.features.map((name) => `${name}=${features[name].codes[row]}`).join(' ');
}
