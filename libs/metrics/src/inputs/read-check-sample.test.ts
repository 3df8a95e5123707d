import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { personasMessage } from '@persona/personas';
import { message } from '../messages.js';
import { readCheckSample } from './read-check-sample.js';

const dir = mkdtempSync(join(tmpdir(), 'persona-strings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readCheckSample: PERSONA persona strings → census categories', () => {
  it('reads a .txt of blocks separated by blank lines as persona strings', async () => {
    writeFileSync(join(dir, 'p.txt'), 'age: 52\nsex: Male\n\n\nage: 19\nsex: Female\n');
    const { table, kind } = await readCheckSample(join(dir, 'p.txt'));
    expect(kind).toBe('persona-strings');
    expect(table.nRows).toBe(2);
    // Oracle: the DP05 age groups of the @persona/census recode worked out by hand: 52 → 45–54 (8); 19 → 15–19 (4);
    // PUMS SEX: Male 1, Female 2.
    expect(table.column('age_group')).toEqual(['8', '4']);
    expect(table.column('sex')).toEqual(['1', '2']);
  });

  it('reads a .json array of persona strings and a .jsonl with a persona field alike', async () => {
    const blocks = ['age: 30\nsex: Female\nrace: Black', 'age: 30\nsex: Female\nrace: Black', 'age: 61\nsex: Male\nrace: Martian'];
    writeFileSync(join(dir, 'p.json'), JSON.stringify(blocks));
    writeFileSync(join(dir, 'p.jsonl'), blocks.map((persona, id) => JSON.stringify({ id, persona })).join('\n') + '\n');
    for (const name of ['p.json', 'p.jsonl']) {
      const { table, unmapped } = await readCheckSample(join(dir, name));
      expect(table.column('race_alone')).toEqual(['2', '2', '']);
      expect(table.column('age_group')).toEqual(['6', '6', '10']);
      expect(unmapped.find((u) => u.attribute === 'race')).toEqual({ attribute: 'race', value: 'Martian', count: 1, reason: 'unrecognised' });
    }
  });

  it('names the file line of a malformed persona line', async () => {
    writeFileSync(join(dir, 'bad.txt'), 'age: 40\nsex: Male\n\nage: 33\nthis line has no colon\n');
    await expect(readCheckSample(join(dir, 'bad.txt'))).rejects.toThrow(
      `${join(dir, 'bad.txt')}:5: ${personasMessage.personaLineMalformed(2, 'this line has no colon')}`,
    );
  });

  it('names the record and persona line of a repeated attribute in a JSON array', async () => {
    writeFileSync(join(dir, 'dup.json'), JSON.stringify(['age: 40', 'age: 40\nsex: Male\nAge: 41']));
    await expect(readCheckSample(join(dir, 'dup.json'))).rejects.toThrow(`record 1: ${personasMessage.personaKeyRepeated('age', 1, 3)}`);
  });

  it('says what is wrong with an unreadable, non-JSON or empty input', async () => {
    await expect(readCheckSample(join(dir, 'none.txt'))).rejects.toThrow(message.sampleUnreadable('no such file'));
    writeFileSync(join(dir, 'broken.json'), '["age: 3",');
    await expect(readCheckSample(join(dir, 'broken.json'))).rejects.toThrow(message.sampleNotJson(''));
    writeFileSync(join(dir, 'blank.json'), JSON.stringify(['age: 3', '  ']));
    await expect(readCheckSample(join(dir, 'blank.json'))).rejects.toThrow(`record 1: ${personasMessage.personaEmpty()}`);
    writeFileSync(join(dir, 'nothing.txt'), '\n\n');
    await expect(readCheckSample(join(dir, 'nothing.txt'))).rejects.toThrow(message.emptySample());
  });
});
