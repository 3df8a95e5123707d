import { InputError } from '@persona/core';
import type { SampleColumns } from '../margins/parse-margins.js';
import { message } from '../messages.js';

/**
 * A population as named columns of equal length (one value per unit): a plain
 * record of arrays, or the {@link SampleColumns} view that `parseMargins` reads.
 */
export type PopulationColumns = Readonly<Record<string, ArrayLike<string | number>>> | SampleColumns;

function isSampleColumns(columns: PopulationColumns): columns is SampleColumns {
  return typeof (columns as SampleColumns).column === 'function' && typeof (columns as SampleColumns).has === 'function';
}

/**
 * The column `name`, or an {@link InputError} (`message.columnNotInPopulation`) naming the
 * columns there are (field = the name asked for).
 */
export function populationColumn(columns: PopulationColumns, name: string): ArrayLike<string | number> {
  if (isSampleColumns(columns)) {
    if (columns.has(name)) return columns.column(name);
    throw new InputError(message.columnNotInPopulation(name, columns.names), { field: name });
  }
  if (Object.hasOwn(columns, name)) return columns[name]!;
  throw new InputError(message.columnNotInPopulation(name, Object.keys(columns)), { field: name });
}
