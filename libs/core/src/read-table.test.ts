import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { message } from './messages.js';
import { InputError } from './input-error.js';
import { readTable } from './read-table.js';
import { rowLocation } from './row-lines.js';

const dir = mkdtempSync(join(tmpdir(), 'persona-table-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../../..');

describe('readTable', () => {
  it('reads CSV into string columns, with a projection', async () => {
    const t = await readTable(file('a.csv', 'SEX,AGEP,PWGTP\n1,34,20\n2,,5\n'), { columns: ['PWGTP', 'SEX'] });
    expect(t.names).toEqual(['PWGTP', 'SEX']);
    expect(t.nRows).toBe(2);
    expect(t.column('SEX')).toEqual(['1', '2']);
    expect(() => t.column('AGEP')).toThrow(message.unknownColumn('AGEP', ['PWGTP', 'SEX']));
    expect(t.lineOffset).toBe(2); // row i on line i + 2
  });

  it('gives a line offset only when every row sits on line row + offset', async () => {
    // a line break inside quotes moves the rows after it down one line
    expect((await readTable(file('q.csv', 'a,b\n"x\ny",1\nz,2\n'))).lineOffset).toBeUndefined();
    expect((await readTable(file('ok.jsonl', '{"a":1}\n{"a":2}\n'))).lineOffset).toBe(1);
    expect((await readTable(file('gap.jsonl', '{"a":1}\n\n{"a":2}\n'))).lineOffset).toBeUndefined();
  });

  // Regression (review finding 11): after a line break inside quotes, rows lost their line numbers.
  it('knows the line of every row after quoted line breaks and blank lines (CSV, .csv.gz, JSONL)', async () => {
    // Lines (counted by hand): 1 header; row 0 on 2-3 (quoted break); row 1 on 4; row 2 on 5-7 (two breaks);
    // line 8 blank (skipped); row 3 on 9.
    const csv = 'note,w\n"a\nb",1\nplain,2\n"c\n\nd",3\n\nlast,x\n';
    for (const path of [file('lines.csv', csv), file('lines.csv.gz', gzipSync(Buffer.from(csv)))]) {
      const t = await readTable(path, { columns: ['w'] });
      expect(t.column('w')).toEqual(['1', '2', '3', 'x']);
      expect([0, 1, 2, 3].map((row) => t.lineOf(row))).toEqual([2, 4, 5, 9]);
      expect(t.lineOf(4)).toBeUndefined(); // no such row
      expect(rowLocation(t, 3)).toEqual({ line: 9 });
      expect(new InputError('base weight "x" is not a number', { file: path, field: 'w', ...rowLocation(t, 3) }).message).toBe(
        `${path}:9: field "w": base weight "x" is not a number`,
      );
    }
    const jsonl = await readTable(file('lines.jsonl', '{"w":1}\n\n{"w":2}\n{"w":3}\n'));
    expect([0, 1, 2].map((row) => jsonl.lineOf(row))).toEqual([1, 3, 4]);
    const plain = await readTable(file('plain.csv', 'w\n1\n2\n'));
    expect([plain.lineOffset, plain.lineOf(0), plain.lineOf(1)]).toEqual([2, 2, 3]);
    // A JSON array has records, not lines: errors name the record index.
    const array = await readTable(file('lines.json', '[{"w":1},{"w":2}]'));
    expect([array.lineOf(0), rowLocation(array, 1)]).toEqual([undefined, { index: 1 }]);
  });

  it('reads JSONL (plain and gzip) with nested objects flattened one level', async () => {
    const text = [
      '{"id": 1, "census": {"SEX": 1, "AGEP": 21.0}, "tags": ["a"]}',
      '',
      '{"id": 2, "census": {"SEX": "2"}, "note": null}',
    ].join('\n');
    for (const path of [file('p.jsonl', text), file('p.jsonl.gz', gzipSync(Buffer.from(text)))]) {
      const t = await readTable(path);
      expect(t.nRows).toBe(2);
      expect(t.column('census.SEX')).toEqual(['1', '2']);
      expect(t.column('SEX')).toEqual(['1', '2']); // short alias, unambiguous
      expect(t.column('AGEP')).toEqual(['21', '']); // JSON 21.0 is the number 21; missing → ''
      expect(t.column('tags')).toEqual(['["a"]', '']);
      expect(t.column('note')).toEqual(['', '']);
    }
  });

  it('refuses an ambiguous short name and names bad JSON lines', async () => {
    const t = await readTable(file('amb.jsonl', '{"a": {"X": 1}, "b": {"X": 2}}\n'));
    expect(() => t.column('X')).toThrow(message.ambiguousColumn('X', ['a.X', 'b.X']));
    await expect(readTable(file('bad.jsonl', '{"a": 1}\n{"a": \n'))).rejects.toThrow(/bad\.jsonl:2: invalid JSON/);
    await expect(readTable(file('arr.jsonl', '{"a": 1}\n[1]\n'))).rejects.toThrow(`arr.jsonl:2: ${message.notAnObject('an array')}`);
  });

  it('reads a .json array of objects and rejects anything else', async () => {
    const t = await readTable(file('a.json', '[{"w": 1.5, "g": "x"}, {"w": 2, "g": "y"}]'));
    expect(t.column('w')).toEqual(['1.5', '2']);
    await expect(readTable(file('o.json', '{"w": 1}'))).rejects.toThrow(message.notAnArrayOfObjects());
    await expect(readTable(file('o2.json', '[{"w": 1}, 3]'))).rejects.toThrow(`record 1: ${message.notAnObject('number')}`);
  });

  it('checks required columns and the extension', async () => {
    await expect(readTable(file('r.csv', 'a\n1\n'), { required: ['a', 'w'] })).rejects.toThrow(message.missingColumns(['w'], ['a']));
    await expect(readTable(file('t.txt', 'a\n1\n'))).rejects.toThrow(message.unsupportedFormat('.txt'));
  });

  it('reads the Wyoming 2024 PUMS Parquet file (zstd): 6,199 rows, PWGTP sums to 587,618', async () => {
    // Oracle: the published checks of the source data (6,199 records, sum of PWGTP 587,618; see data/README.md).
    const t = await readTable(join(repoRoot, 'data/census/pums_wy_2024.parquet'), { columns: ['PWGTP', 'STATE', 'AGEP', 'SCHL'] });
    expect(t.nRows).toBe(6199);
    expect(t.column('PWGTP').reduce((s, w) => s + Number(w), 0)).toBe(587618);
    expect(new Set(t.column('STATE'))).toEqual(new Set(['56'])); // stored as a zero-padded string
    expect(t.column('AGEP').every((a) => /^(0|[1-9]\d*)$/.test(a))).toBe(true); // Int64, printed without ".0" or leading zeros
    expect(t.column('SCHL')).toContain(''); // PUMS blank (under age 3) is a null → ''
    await expect(readTable(join(repoRoot, 'data/census/pums_wy_2024.parquet'), { columns: ['NOPE'] })).rejects.toThrow('Unrecognized column: NOPE');
    // Regression (review finding 12): a gzipped Parquet file failed with "footer != PAR1"; it now reads as the file it holds.
    const gz = file('wy.parquet.gz', gzipSync(readFileSync(join(repoRoot, 'data/census/pums_wy_2024.parquet'))));
    const unzipped = await readTable(gz, { columns: ['PWGTP', 'STATE'] });
    expect(unzipped.nRows).toBe(6199);
    expect(unzipped.column('PWGTP').reduce((s, w) => s + Number(w), 0)).toBe(587618);
    await expect(readTable(file('broken.parquet.gz', Buffer.from('not gzip')))).rejects.toThrow(/broken\.parquet\.gz: cannot read the file/);
  });
});
