import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readTable } from '@persona/core';
import { message } from '../messages.js';
import { writeRecords } from './write-records.js';

const dir = mkdtempSync(join(tmpdir(), 'persona-records-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const columns = ['row', 'name', 'note'];
const rows = [
  ['0', 'Ana, María', 'said "hi"'],
  ['5', 'Bo', 'two\nlines'],
  ['9', '', '01'],
];

describe('writeRecords', () => {
  it('quotes CSV fields by RFC 4180 exactly where needed', async () => {
    await writeRecords(join(dir, 'r.csv'), columns, rows);
    // Expected text written by hand from RFC 4180 §2 rules 6–7.
    expect(readFileSync(join(dir, 'r.csv'), 'utf8')).toBe('row,name,note\n0,"Ana, María","said ""hi"""\n5,Bo,"two\nlines"\n9,,01\n');
  });

  it('writes JSON Lines that read back to the same strings', async () => {
    await writeRecords(join(dir, 'r.jsonl'), columns, rows);
    const t = await readTable(join(dir, 'r.jsonl'));
    expect(t.column('name')).toEqual(['Ana, María', 'Bo', '']);
    expect(t.column('note')).toEqual(['said "hi"', 'two\nlines', '01']);
  });

  it('refuses another extension', async () => {
    await expect(writeRecords(join(dir, 'r.txt'), columns, rows)).rejects.toThrow(message.outExtension(join(dir, 'r.txt'), ['.csv', '.jsonl']));
  });

  it('maps a write into a missing directory to an InputError naming the file and --out (exit 2, not a stack trace)', async () => {
    const path = join(dir, 'no-such-dir', 'r.csv');
    await expect(writeRecords(path, columns, rows)).rejects.toThrow(`${path}: field "--out": ${message.outputUnwritable('ENOENT')}`);
  });
});
