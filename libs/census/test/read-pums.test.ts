import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { InputError } from '@persona/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPLICATE_WEIGHTS, censusMessage, readPums, replicateWeightColumns, streamPums, type PumsTable } from '@persona/census';

// A synthetic psam_p file in the Census Bureau's layout (hand-written here, so the
// expected values are the ones written): three persons with the 80 replicate weights.
const header = ['RT', 'SERIALNO', 'SPORDER', 'PUMA', 'STATE', 'ADJINC', 'PWGTP', 'AGEP', 'SEX', 'HISP', 'SCHL', 'ESR', 'SOCP', ...REPLICATE_WEIGHTS];
const rows = [
  ['P', '2024HU0000001', '1', '00100', '06', '1015250', '120', '45', '1', '01', '21', '1', '11-1011', ...REPLICATE_WEIGHTS.map((_, r) => String(100 + r))],
  ['P', '2024HU0000001', '2', '00100', '06', '1015250', '95', '12', '2', '02', '09', '', '', ...REPLICATE_WEIGHTS.map((_, r) => String(200 + r))],
  ['P', '2024GQ0000007', '1', '03701', '48', '1015250', '40', '81', '2', '01', '16', '6', '', ...REPLICATE_WEIGHTS.map(() => '0')],
];
const csv = `${[header, ...rows].map((r) => r.join(',')).join('\r\n')}\r\n`;
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'census-read-'));
  writeFileSync(join(dir, 'psam_p06.csv'), csv);
  writeFileSync(join(dir, 'psam_p06.csv.gz'), gzipSync(csv));
});

function value(table: PumsTable, name: string, row: number): number | string | null {
  const column = table.column(name);
  return column.kind === 'text' ? column.values[row] : column.blank[row] ? null : column.values[row];
}

describe('readPums', () => {
  it('reads every column, typing codes as integers and identifiers as text', async () => {
    const table = await readPums(join(dir, 'psam_p06.csv'));
    expect(table.rowCount).toBe(3);
    expect(table.names).toEqual(header);
    expect(table.column('STATE').kind).toBe('text');
    expect(value(table, 'STATE', 2)).toBe('48');
    expect(value(table, 'PUMA', 2)).toBe('03701');
    expect(value(table, 'SOCP', 0)).toBe('11-1011');
    expect(value(table, 'HISP', 1)).toBe(2); // "02" → 2, as the seed stores it
    expect(value(table, 'SCHL', 1)).toBe(9);
    expect(value(table, 'ESR', 1)).toBeNull(); // blank, not 0
    expect(value(table, 'ADJINC', 0)).toBe(1_015_250);
  });

  it('keeps the 80 replicate weights', async () => {
    const table = await readPums(join(dir, 'psam_p06.csv'));
    const weights = replicateWeightColumns(table);
    expect(weights).toHaveLength(80);
    expect(weights![0][0]).toBe(100);
    expect(weights![79][1]).toBe(279);
  });

  it('reads a gzip file the same as the plain one', async () => {
    const plain = await readPums(join(dir, 'psam_p06.csv'));
    const gz = await readPums(join(dir, 'psam_p06.csv.gz'));
    for (const name of header) for (let i = 0; i < 3; i++) expect(value(gz, name, i)).toEqual(value(plain, name, i));
  });

  it('projects columns, adding the replicate weights on request', async () => {
    const narrow = await readPums(join(dir, 'psam_p06.csv'), { columns: ['AGEP', 'PWGTP'] });
    expect(narrow.names).toEqual(['AGEP', 'PWGTP']);
    expect(replicateWeightColumns(narrow)).toBeNull();
    const withReplicates = await readPums(join(dir, 'psam_p06.csv.gz'), { columns: ['AGEP'], replicateWeights: true });
    expect(withReplicates.names).toEqual(['AGEP', ...REPLICATE_WEIGHTS]);
  });

  it('rejects a non-integer code, naming file, line and field', async () => {
    const bad = csv.replace(',81,2,01,', ',8l,2,01,');
    writeFileSync(join(dir, 'bad.csv'), bad);
    const error = await readPums(join(dir, 'bad.csv')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe(`${join(dir, 'bad.csv')}:4: field "AGEP": ${censusMessage.notAnInteger('8l')}`);
  });

  it('rejects an unknown projected column', async () => {
    await expect(readPums(join(dir, 'psam_p06.csv'), { columns: ['NOPE'] })).rejects.toThrow('Unrecognized column: NOPE');
  });
});

describe('streamPums', () => {
  it('delivers the file in batches of the requested size, in order', async () => {
    const sizes: number[] = [];
    const starts: number[] = [];
    const ages: (number | null)[] = [];
    const n = await streamPums(join(dir, 'psam_p06.csv.gz'), {
      columns: ['AGEP'],
      batchSize: 2,
      onBatch: (batch, first) => {
        sizes.push(batch.rowCount);
        starts.push(first);
        for (let i = 0; i < batch.rowCount; i++) ages.push(batch.record(i).int('AGEP'));
      },
    });
    expect(n).toBe(3);
    expect(sizes).toEqual([2, 1]);
    expect(starts).toEqual([0, 2]);
    expect(ages).toEqual([45, 12, 81]);
  });

  it('rejects a batch size that is not a positive integer', async () => {
    await expect(streamPums(join(dir, 'psam_p06.csv'), { batchSize: 0, onBatch: () => {} })).rejects.toThrow(censusMessage.invalidBatchSize(0));
  });
});
