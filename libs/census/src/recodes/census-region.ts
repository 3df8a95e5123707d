import { InputError } from '@persona/core';
import { message } from '../messages.js';
import type { Recode } from './recode.js';

/**
 * Census regions (2020 definitions, as the data dictionary's REGION): state
 * FIPS code → 1 Northeast, 2 Midwest, 3 South, 4 West.
 */
const REGION_OF_STATE: Readonly<Record<number, number>> = {
  9: 1, 23: 1, 25: 1, 33: 1, 44: 1, 50: 1, 34: 1, 36: 1, 42: 1,
  17: 2, 18: 2, 26: 2, 39: 2, 55: 2, 19: 2, 20: 2, 27: 2, 29: 2, 31: 2, 38: 2, 46: 2,
  10: 3, 11: 3, 12: 3, 13: 3, 24: 3, 37: 3, 45: 3, 51: 3, 54: 3, 1: 3, 21: 3, 28: 3, 47: 3, 5: 3, 22: 3, 40: 3, 48: 3,
  4: 4, 8: 4, 16: 4, 30: 4, 32: 4, 35: 4, 49: 4, 56: 4, 2: 4, 6: 4, 15: 4, 41: 4, 53: 4,
};

/** The census region code (1–4) of a STATE code (`"06"` or `"6"`). @throws {InputError} otherwise. */
export function regionOfState(state: string): number {
  const region = /^\d{1,2}$/.test(state) ? REGION_OF_STATE[Number(state)] : undefined;
  if (region === undefined) throw new InputError(message.unknownState(state), { field: 'STATE' });
  return region;
}

/** Census region of residence, from STATE (S0101 summed over states). Universe: total population. */
export const censusRegion: Recode = {
  name: 'census_region',
  table: 'S0101',
  equivalentTables: 'B01003 by state',
  universe: 'Total population (50 states and DC)',
  variables: ['STATE'],
  categories: { '1': 'Northeast', '2': 'Midwest', '3': 'South', '4': 'West' },
  apply(record) {
    try {
      return regionOfState(record.text('STATE'));
    } catch (error) {
      throw error instanceof InputError ? error.at({ index: record.row }) : error;
    }
  },
};
