import type { PersonaRecord } from '../record/persona-record.js';

/** One CSV field, quoted by RFC 4180 when it holds a comma, quote or line break. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The CSV columns of a persona: `id`, `weight`, then every group flattened
 * one level with a dot (`census.SEX`, `recodes.age_group`, `traits.openness`,
 * `bigFiveLevels.openness`, `values.benevolence`, `beliefs.religion`,
 * `idiosyncrasies.quirks`, `text.attributes`, `text.profile`). The CSV keeps
 * the codes; the dictionary labels and the provenance are in the .jsonl only.
 */
export function personaCsvColumns(first: PersonaRecord): string[] {
  const groups = ['census', 'recodes', 'traits', 'bigFiveLevels', 'values', 'beliefs', 'idiosyncrasies', 'text'] as const;
  const columns = ['id', 'weight'];
  for (const group of groups) for (const key of Object.keys(first[group])) columns.push(`${group}.${key}`);
  return columns;
}

/** A persona's CSV line in `columns` order (blank = empty field). */
export function personaCsvRow(record: PersonaRecord, columns: readonly string[]): string {
  const out = new Array<string>(columns.length);
  for (let j = 0; j < columns.length; j++) {
    const name = columns[j]!;
    const dot = name.indexOf('.');
    const value = dot < 0 ? (record as unknown as Record<string, unknown>)[name] : (record as unknown as Record<string, Record<string, unknown>>)[name.slice(0, dot)]![name.slice(dot + 1)];
    out[j] = value === null || value === undefined ? '' : csvField(String(value));
  }
  return out.join(',');
}
