import type { IntColumn, PumsTable } from '@persona/census';
import type { CensusFields } from '../rules/consistency-rule.js';

/**
 * A movable view of one row of a PUMS table as the rule engine reads it:
 * an integer column's code, `null` for its blank, `undefined` for a column
 * the table lacks or a text column. Set `row`, then call `get`.
 */
export function pumsFields(table: PumsTable): { row: number; readonly get: CensusFields } {
  const columns = new Map<string, IntColumn | undefined>();
  const view = {
    row: 0,
    get: (field: string): number | null | undefined => {
      let column = columns.get(field);
      if (column === undefined && !columns.has(field)) {
        const found = table.has(field) ? table.column(field) : undefined;
        column = found?.kind === 'int' ? found : undefined;
        columns.set(field, column);
      }
      if (column === undefined) return undefined;
      return column.blank[view.row] === 1 ? null : column.values[view.row]!;
    },
  };
  return view;
}
