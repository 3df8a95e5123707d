import { InputError } from '@persona/core';
import { message } from '../messages.js';
import type { PumsRecord } from '../pums/pums-table.js';
import { ageOf, valueIn } from './recode.js';

/** The PUMS columns {@link inCivilianHouseholdPopulation} reads. */
export const CIVILIAN_HOUSEHOLD_VARIABLES: readonly string[] = Object.freeze(['SERIALNO', 'AGEP', 'ESR']);

/**
 * Whether a person belongs to the civilian household population, the seed's
 * stand-in for the civilian noninstitutionalized population (the universe of
 * DP02 disability status and DP03 health insurance coverage):
 *
 * - civilian: not in the Armed Forces, i.e. ESR is not 4 or 5 ("Armed forces,
 *   at work / with a job but not at work", 2024 PUMS data dictionary); persons
 *   under 16 have no ESR and are civilian;
 * - household population: SERIALNO is a housing-unit serial (`2024HU…`), not
 *   a group-quarters person's (`2024GQ…`).
 *
 * The approximation: the seed has no group-quarters type (TYPEHUGQ is a
 * housing-file variable), so every group-quarters person is left out. That
 * rightly drops the institutionalized (correctional facilities, nursing
 * homes), but also drops the noninstitutional group quarters (college
 * dormitories, shelters, group homes), which the published universe keeps.
 * In the embedded seed (hot-deck imputed, seed 1, PWGTP × 100), civilians in
 * group quarters are 8.34 M, 2.45% of civilians (3.11 M of them aged 18–24,
 * largely college dormitories); with a disability: 13.89% of the civilian
 * household population vs 14.52% of all civilians (group quarters included);
 * without health insurance coverage: 8.13% vs 8.39%. Those gaps overstate the
 * effect of leaving out the noninstitutional part alone, since they include
 * the institutionalized (nursing homes above all), whom both universes exclude.
 * @throws {InputError} for a SERIALNO that is neither kind, or a blank ESR at 16 and over.
 */
export function inCivilianHouseholdPopulation(record: PumsRecord, recode: string): boolean {
  const serial = record.text('SERIALNO');
  const kind = serial.slice(4, 6);
  if (kind === 'GQ') return false;
  if (kind !== 'HU') throw new InputError(message.serialNotHuOrGq(serial, recode), { index: record.row, field: 'SERIALNO' });
  if (ageOf(record, recode) < 16) return true;
  const esr = valueIn(record, 'ESR', recode);
  return esr !== 4 && esr !== 5;
}
