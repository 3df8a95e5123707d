import { InputError, writeLinesAtomic } from '@persona/core';
import { message } from '../messages.js';
import { writingOutput } from './output-file.js';

/** One CSV field, quoted by RFC 4180 when it holds a comma, quote or line break. */
function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Writes records (all with the same fields, in `columns` order) as CSV
 * (RFC 4180, header row, LF; numbers in JavaScript's shortest round-trip form)
 * or JSON Lines (strings stay strings, numbers stay numbers), chosen by the
 * extension of `path` (`.csv` or `.jsonl`), atomically by `writeLinesAtomic`.
 * @throws {InputError} for another extension, or when the file cannot be written.
 */
export async function writeRecords(path: string, columns: readonly string[], rows: Iterable<readonly (string | number)[]>): Promise<void> {
  const csv = recordsFormat(path) === 'csv';
  await writingOutput(path, '--out', async () => {
    await writeLinesAtomic(path, lines(csv, columns, rows));
  });
}

/** The records format of `path` by its extension. @throws {InputError} for another extension. */
export function recordsFormat(path: string): 'csv' | 'jsonl' {
  const lower = path.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.jsonl')) return 'jsonl';
  throw new InputError(message.outExtension(path, ['.csv', '.jsonl']), { field: '--out' });
}

function* lines(csv: boolean, columns: readonly string[], rows: Iterable<readonly (string | number)[]>): Generator<string> {
  if (csv) yield `${columns.map(csvField).join(',')}\n`;
  for (const row of rows) {
    if (csv) yield `${row.map((value) => csvField(String(value))).join(',')}\n`;
    else {
      const record: Record<string, string | number> = {};
      columns.forEach((name, j) => {
        record[name] = row[j]!;
      });
      yield `${JSON.stringify(record)}\n`;
    }
  }
}
