import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBigFiveData, loadSchwartzData, personalityModel, traitsMessage } from '@persona/traits';
import { persona, repoRoot, scratch } from './cli-harness.js';

const s = scratch('generate-trait-data');
afterAll(() => s.cleanup());

const embeddedBigFive = join(repoRoot, 'data/traits/big-five.json');
const embeddedValues = join(repoRoot, 'data/traits/schwartz.json');
const read = (name: string) => readFileSync(join(s.dir, name));
const generate = (out: string, ...extra: string[]) => persona(['generate', '--n', '50', '--seed', '5', '--out', out, '--json', ...extra], s.dir);

/** schwartz.json with `edit` applied to its parsed form. */
function editedValues(name: string, edit: (data: Record<string, any>) => void): string {
  const data = JSON.parse(readFileSync(embeddedValues, 'utf8')) as Record<string, any>;
  edit(data);
  return s.write(name, JSON.stringify(data, null, 2));
}

// The default run (embedded trait data), compared against by every test below.
let base: ReturnType<typeof persona>;
beforeAll(() => {
  base = generate('default.jsonl');
});

describe('persona generate --big-five-data / --values-data', () => {
  it('records the embedded files in --json "traitData" when no file is given', () => {
    expect(base.code).toBe(0);
    expect(JSON.parse(base.stdout).traitData).toEqual({ bigFive: 'embedded', values: 'embedded' });
  });

  it('passing the embedded files explicitly gives a byte-identical file', () => {
    const r = generate('explicit.jsonl', '--big-five-data', embeddedBigFive, '--values-data', embeddedValues);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).traitData).toEqual({ bigFive: embeddedBigFive, values: embeddedValues });
    // Oracle: the default run of the same seed (the same tables, so the same model and draws).
    expect(read('explicit.jsonl').equals(read('default.jsonl'))).toBe(true);
  });

  it('a changed trait–value correlation changes the personas; the same file twice gives byte-identical output', () => {
    const file = editedValues('weak-benevolence.json', (data) => {
      expect(data.bigFiveCorrelations.published.agreeableness.benevolence).toBe(0.61);
      data.bigFiveCorrelations.published.agreeableness.benevolence = 0.2;
    });
    const a = generate('modified-a.jsonl', '--values-data', file);
    const b = generate('modified-b.jsonl', '--values-data', file);
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    const out = JSON.parse(a.stdout);
    expect(out.traitData).toEqual({ bigFive: 'embedded', values: file });
    // Oracle: the model rebuilt from the same files by @persona/traits in this process.
    expect(out.personality.correction).toEqual({ ...personalityModel(loadBigFiveData(), loadSchwartzData(join(s.dir, file))).correction });
    expect(read('modified-a.jsonl').equals(read('default.jsonl'))).toBe(false);
    expect(read('modified-a.jsonl').equals(read('modified-b.jsonl'))).toBe(true);
    // Only the values move: the Big Five scores depend on their own normals only (L₁₁ = chol(R_big5)).
    const traits = (name: string) => read(name).toString('utf8').trim().split('\n').map((line) => JSON.parse(line).traits);
    expect(traits('modified-a.jsonl')).toEqual(traits('default.jsonl'));
  });

  it('a field of the wrong type is exit 2 naming the file and field, and no output file is written', () => {
    const file = editedValues('bad-centre.json', (data) => {
      data.ageTrajectory.centre = 'yes';
    });
    const r = generate('bad-centre.jsonl', '--values-data', file);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`persona: ${file}: field "ageTrajectory.centre": ${traitsMessage.expectedBoolean('yes')}\n`);
    expect(existsSync(join(s.dir, 'bad-centre.jsonl'))).toBe(false);
  });

  it('a file that is not JSON is exit 2 naming the file, and no output file is written', () => {
    const file = s.write('broken-big-five.json', '{ "correlation": ');
    const r = generate('broken.jsonl', '--big-five-data', file);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.startsWith(`persona: ${file}: ${traitsMessage.notJsonFile('')}`)).toBe(true);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(join(s.dir, 'broken.jsonl'))).toBe(false);
  });
});
