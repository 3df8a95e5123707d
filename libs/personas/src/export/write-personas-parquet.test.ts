import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTable } from '@persona/core';
import { loadCensusFrame } from '../census-draw/census-frame.js';
import { generatePersonas } from '../generate-personas.js';
import { message } from '../messages.js';
import type { PersonaRecord } from '../record/persona-record.js';
import { personaCsvColumns } from './persona-csv-row.js';
import { writePersonas } from './write-personas.js';
import { writePersonasParquet } from './write-personas-parquet.js';

const dir = mkdtempSync(join(tmpdir(), 'persona-parquet-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let personas: PersonaRecord[];
beforeAll(async () => {
  personas = [...generatePersonas(await loadCensusFrame(), { n: 25, seed: 11 }).personas];
});

describe('writePersonasParquet', () => {
  it('writes row groups that read back (hyparquet, via readTable) as the .jsonl export reads', async () => {
    // Oracle: the .jsonl export of the same personas, read by the same readTable (its JSON reader).
    await writePersonas(join(dir, 'p.jsonl'), personas, 'jsonl');
    const jsonl = await readTable(join(dir, 'p.jsonl'));
    // 25 personas in row groups of 10, 10 and 5.
    expect(await writePersonasParquet(join(dir, 'p.parquet'), personas, 10)).toBe(25);
    const parquet = await readTable(join(dir, 'p.parquet'));
    expect(parquet.names).toEqual(personaCsvColumns(personas[0]!));
    expect(parquet.nRows).toBe(25);
    for (const name of parquet.names) expect(parquet.column(name), name).toEqual(jsonl.column(name));
    // A blank census code (null in the record) is a Parquet null, read as ''.
    const blank = personas.findIndex((p) => p.census.ESR === null);
    expect(blank).toBeGreaterThanOrEqual(0);
    expect(parquet.column('ESR')[blank]).toBe('');
    // One row group of 25 is another file with the same content.
    await writePersonasParquet(join(dir, 'one-group.parquet'), personas, 1000);
    expect(readFileSync(join(dir, 'one-group.parquet')).equals(readFileSync(join(dir, 'p.parquet')))).toBe(false);
    expect((await readTable(join(dir, 'one-group.parquet'))).column('text.profile')).toEqual(jsonl.column('text.profile'));
  });

  it('writes a valid file with the columns id and weight for zero personas', async () => {
    expect(await writePersonasParquet(join(dir, 'empty.parquet'), [])).toBe(0);
    const table = await readTable(join(dir, 'empty.parquet'));
    expect(table.names).toEqual(['id', 'weight']);
    expect(table.nRows).toBe(0);
  });

  it('refuses a persona whose fields do not fit the first one, and leaves the previous file untouched', async () => {
    const path = join(dir, 'kept.parquet');
    await writePersonasParquet(path, personas.slice(0, 3));
    const before = readFileSync(path);
    const broken = { ...personas[3]!, traits: { ...personas[3]!.traits, openness: 'high' } } as unknown as PersonaRecord;
    await expect(writePersonasParquet(path, [personas[0]!, broken])).rejects.toThrow(
      message.parquetFieldType(broken.id, 'traits.openness', 'a number', 'high'),
    );
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
