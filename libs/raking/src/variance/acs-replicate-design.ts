import { InputError } from '@persona/core';
import { message } from '../messages.js';
import { populationColumn, type PopulationColumns } from '../sampling/population-columns.js';
import type { ReplicateDesign } from './replicate-variance.js';

/**
 * The replicate design of an ACS PUMS extract: full-sample weight `PWGTP` (or
 * `WGTP` for housing units) and its replicates `PWGTP1` … `PWGTP80`, with the
 * successive-difference scale 4/80 (US Census Bureau, PUMS "Accuracy of the
 * data"; ACS Design and Methodology ch. 12). Values may be numbers or numeric
 * strings (as read from CSV); replicate weights may be 0 or negative.
 *
 * @throws InputError naming the column and row of a missing column or a value that is not a finite number.
 */
export function acsReplicateDesign(columns: PopulationColumns, prefix = 'PWGTP', replicates = 80): ReplicateDesign {
  const read = (name: string): Float64Array => {
    const column = populationColumn(columns, name);
    const out = new Float64Array(column.length);
    for (let i = 0; i < column.length; i++) {
      const raw = column[i]!;
      const value = typeof raw === 'number' ? raw : raw.trim() === '' ? Number.NaN : Number(raw);
      if (!Number.isFinite(value)) throw new InputError(message.notANumber(String(raw)), { field: name, index: i });
      out[i] = value;
    }
    return out;
  };
  return {
    weights: read(prefix),
    replicates: Array.from({ length: replicates }, (_, r) => read(`${prefix}${r + 1}`)),
    scale: 4 / replicates,
  };
}
