import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '@persona/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { censusMessage, readPums, streamPums, type PumsTable } from '@persona/census';

// Integer columns are parsed straight from the CSV bytes (no strings); these
// hand-written files check that path against the values written in them.
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'census-stream-'));
});

function write(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\r\n')}\r\n`);
  return path;
}

function value(table: PumsTable, name: string, row: number): number | string | null {
  const column = table.column(name);
  return column.kind === 'text' ? column.values[row] : column.blank[row] ? null : column.values[row];
}

function rowsOf(table: PumsTable): (number | string | null)[][] {
  return Array.from({ length: table.rowCount }, (_, i) => table.names.map((name) => value(table, name, i)));
}

async function errorOf(promise: Promise<unknown>): Promise<InputError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

describe('integer cells read from bytes', () => {
  it('reads quoted integers, signs, leading zeros and the 32-bit limits; a quoted empty cell is blank', async () => {
    const path = write('signs.csv', [
      'SERIALNO,STATE,AGEP,SCHL,PWGTP,ESR',
      '2024HU01,"06","7",+5,-3,""',
      '2024HU02,56,007,2147483647,-2147483648,6',
    ]);
    const table = await readPums(path);
    expect(rowsOf(table)).toEqual([
      ['2024HU01', '06', 7, 5, -3, null],
      ['2024HU02', '56', 7, 2147483647, -2147483648, 6],
    ]);
  });

  it('rejects an out-of-range, signed-only or quote-escaped integer cell, naming file, line and field', async () => {
    const header = 'SERIALNO,AGEP,PWGTP';
    const tooBig = write('big.csv', [header, 'a,1,2', 'b,1,2147483648']);
    expect((await errorOf(readPums(tooBig))).message).toBe(`${tooBig}:3: field "PWGTP": ${censusMessage.notAnInteger('2147483648')}`);
    const sign = write('sign.csv', [header, 'a,-,2']);
    expect((await errorOf(readPums(sign))).message).toBe(`${sign}:2: field "AGEP": ${censusMessage.notAnInteger('-')}`);
    // the message shows the cell as text: "12""" is 12 followed by one quote
    const quoted = write('quoted.csv', [header, 'a,"12""",2']);
    expect((await errorOf(streamPums(quoted, { onBatch: () => {} }))).message).toBe(`${quoted}:2: field "AGEP": ${censusMessage.notAnInteger('12"')}`);
  });
});

describe('streamPums batches', () => {
  it('gives each batch its own arrays: earlier batches keep their values and blanks', async () => {
    // Regression guard: full batches hand their arrays over; a blank in one batch
    // must neither vanish from it nor leak into the next.
    const path = write('batches.csv', ['SERIALNO,AGEP,ESR', 'a,1,', 'b,2,1', 'c,3,', 'd,4,6', 'e,5,']);
    const batches: PumsTable[] = [];
    const n = await streamPums(path, { batchSize: 2, onBatch: (batch) => batches.push(batch) });
    expect(n).toBe(5);
    expect(batches.map(rowsOf)).toEqual([
      [['a', 1, null], ['b', 2, 1]],
      [['c', 3, null], ['d', 4, 6]],
      [['e', 5, null]],
    ]);
    expect(batches.map((b) => b.int('AGEP').values.length)).toEqual([2, 2, 1]);
  });
});
