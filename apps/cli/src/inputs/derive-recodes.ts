import { deriveCensusRecodes } from '@persona/census';
import type { SampleTable } from './sample-table.js';

/**
 * Adds to the sample, as derived columns, the census recodes among
 * `variables` that it lacks (`deriveCensusRecodes` of `@persona/census`: PUMS
 * columns read as integer codes, STATE as text; the embedded seed's typed
 * table used as is). What `persona rake`, `sample`, `run` and `check` do
 * before parsing margins.
 * @returns the names of the derived variables.
 * @throws {InputError} when a recode's PUMS column is missing, not an integer
 *   code, or blank inside the recode's universe (naming file, line and column).
 */
export function deriveRecodes(sample: SampleTable, variables: readonly string[]): string[] {
  const derived = deriveCensusRecodes(sample, variables);
  for (const [name, values] of derived) sample.addDerived(name, values);
  return [...derived.keys()];
}
