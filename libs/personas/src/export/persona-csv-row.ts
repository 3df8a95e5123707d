import type { PersonaRecord } from '../record/persona-record.js';

/** One CSV field, quoted by RFC 4180 when it holds a comma, quote or line break. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The CSV columns of a persona: `id`, `weight`, then every group flattened
 * one level with a dot (`census.SEX`, `recodes.age_group`, `traits.openness`,
 * `bigFiveLevels.openness`, `values.benevolence`, `beliefs.religion`,
 * `idiosyncrasies.quirks`, `text.attributes`, `text.profile`). The CSV and
 * Parquet files keep the codes; the dictionary labels and the provenance are
 * in the .jsonl only.
 */
export function personaCsvColumns(first: PersonaRecord): string[] {
  const groups = ['census', 'recodes', 'traits', 'bigFiveLevels', 'values', 'beliefs', 'idiosyncrasies', 'text'] as const;
  const columns = ['id', 'weight'];
  for (const group of groups) for (const key of Object.keys(first[group])) columns.push(`${group}.${key}`);
  return columns;
}

/** The value of one flat column (`weight`, `census.SEX`) of a persona; undefined when the record lacks it. */
export function personaField(record: PersonaRecord, column: string): unknown {
  const dot = column.indexOf('.');
  if (dot < 0) return (record as unknown as Record<string, unknown>)[column];
  return (record as unknown as Record<string, Record<string, unknown> | undefined>)[column.slice(0, dot)]?.[column.slice(dot + 1)];
}

/** A persona's CSV line in `columns` order (blank = empty field). */
export function personaCsvRow(record: PersonaRecord, columns: readonly string[]): string {
  const out = new Array<string>(columns.length);
  for (let j = 0; j < columns.length; j++) {
    const value = personaField(record, columns[j]!);
    out[j] = value === null || value === undefined ? '' : csvField(String(value));
  }
  return out.join(',');
}
