import { afterAll, describe, expect, it } from 'vitest';
import { personasMessage } from '@persona/personas';
import { persona, scratch } from './cli-harness.js';

const s = scratch('validate');
afterAll(() => s.cleanup());

// PERSONA's release form (one "key: value" block per persona). Written by hand for this test; the
// values are 2021/2024 PUMS labels as PERSONA writes them.
const block = (lines: Record<string, string>) => Object.entries(lines).map(([k, v]) => `${k}: ${v}`).join('\n');
const nurse = {
  age: '41',
  sex: 'Female',
  race: 'Black or African American alone',
  education: "Bachelor's degree",
  'employment status': 'Civilian employed, at work',
  'class of worker': 'Employee of a private for-profit company or business, or of an individual, for wages, salary, or commissions',
  income: '72000.0',
  'marital status': 'Divorced',
  citizenship: 'Born in the United States',
  'veteran status': 'Non-Veteran',
  disability: 'Without a disability',
  'health insurance': 'With health insurance coverage',
  'big five scores': 'Openness: High, Conscientiousness: Extremely High, Extraversion: Average, Agreeableness: High, Neuroticism: Low',
  religion: 'Protestant',
};
const employedChild = { ...nurse, age: '9', education: 'Grade 3', 'marital status': 'Never married or under 15 years old', income: '178900' };
const loss = { ...nurse, income: '-60000.0' };

interface ValidateOutput {
  personas: number;
  consistent: boolean;
  inconsistent: number;
  format: string;
  byRule: Record<string, number>;
  violations: { rule: string; index: number; line?: number; id?: string; values: Record<string, number | null> }[];
}

describe('persona validate', () => {
  it('passes a consistent PERSONA file (exit 0)', () => {
    s.write('clean.txt', `${block(nurse)}\n\n${block({ ...nurse, age: '35' })}\n`);
    const r = persona(['validate', 'clean.txt', '--json'], s.dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ personas: 2, consistent: true, violations: [], format: 'persona-hf' });
  });

  it('reports each violation with the rule and the record, exit 3 (an employed 9-year-old with a six-figure income; a -60000 income)', () => {
    s.write('bad.txt', `${block(nurse)}\n\n${block(employedChild)}\n\n${block(loss)}\n`);
    const r = persona(['validate', 'bad.txt', '--json'], s.dir);
    expect(r.code).toBe(3);
    const out = JSON.parse(r.stdout) as ValidateOutput;
    expect(out.consistent).toBe(false);
    expect(out.inconsistent).toBe(2);
    // The child's block starts on line 16 (14 lines + a blank line); the third on line 31.
    expect(out.violations.filter((v) => v.index === 1).map((v) => [v.rule, v.line])).toEqual([
      ['employment-status-universe', 16],
      ['class-of-worker-universe', 16],
      ['income-universe', 16],
      ['income-minor-six-figures', 16],
      ['veteran-status-universe', 16],
    ]);
    expect(out.violations.filter((v) => v.index === 2)).toEqual([
      expect.objectContaining({ rule: 'income-range', line: 31, values: { PINCP: -60000 } }),
    ]);
    const text = persona(['validate', 'bad.txt'], s.dir);
    expect(text.code).toBe(3);
    expect(text.stdout).toContain('bad.txt:line 16: employment-status-universe: AGEP=9, ESR=1');
    expect(text.stdout).toContain(personasMessage.validateViolations(6, 2, 3));
  });

  it('reads our .jsonl and names the record id of a tampered persona', () => {
    const record = (id: string, census: Record<string, string | null>) => JSON.stringify({ id, weight: 1, census });
    s.write('ours.jsonl', `${record('p1', { AGEP: '30', ESR: '6', MAR: '1' })}\n${record('p2', { AGEP: '12', ESR: '1', MAR: '5' })}\n`);
    const r = persona(['validate', 'ours.jsonl', '--json'], s.dir);
    expect(r.code).toBe(3);
    const out = JSON.parse(r.stdout) as ValidateOutput;
    expect(out.format).toBe('jsonl');
    expect(out.violations).toEqual([expect.objectContaining({ rule: 'employment-status-universe', id: 'p2', line: 2, index: 1, values: { AGEP: 12, ESR: 1 } })]);
  });

  it('reports a census code the PUMS dictionary does not list (census.SEX = "9"), exit 3', () => {
    // Used to pass with exit 0: codes outside the dictionary were not checked. Oracle: the 2024
    // PUMS data dictionary lists SEX 1 (Male) and 2 (Female) only; AGEP is a range 0..99.
    const record = (id: string, census: Record<string, string | null>) => JSON.stringify({ id, weight: 1, census });
    s.write('codes.jsonl', `${record('p1', { AGEP: '30', SEX: '2' })}\n${record('p2', { AGEP: '30', SEX: '9' })}\n`);
    const r = persona(['validate', 'codes.jsonl', '--json'], s.dir);
    expect(r.code).toBe(3);
    const out = JSON.parse(r.stdout) as ValidateOutput;
    expect(out.violations).toEqual([
      { rule: 'pums-code', description: personasMessage.censusCodeUnknown('SEX', '9'), index: 1, id: 'p2', line: 2, values: { SEX: 9 } },
    ]);
    s.write('codes.csv', 'id,census.AGEP,census.SEX\np1,30,3\n');
    const csv = JSON.parse(persona(['validate', 'codes.csv', '--json'], s.dir).stdout) as ValidateOutput;
    expect(csv.violations).toEqual([expect.objectContaining({ rule: 'pums-code', line: 2, values: { SEX: 3 } })]);
  });

  it('rejects an unknown attribute with exit 2, naming the file line and the attribute', () => {
    s.write('unknown.txt', `${block(nurse)}\nfavourite colour: blue\n`);
    const r = persona(['validate', 'unknown.txt'], s.dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown.txt:15');
    expect(r.stderr).toContain(personasMessage.unknownAttribute('favourite colour'));
    expect(r.stdout).toBe('');
  });

  it('rejects a wrong format with exit 2: a line that is not key: value, a .jsonl that is not JSON, an unknown census variable', () => {
    s.write('prose.txt', 'This persona is a nurse who likes hiking.\n');
    const prose = persona(['validate', 'prose.txt'], s.dir);
    expect(prose.code).toBe(2);
    expect(prose.stderr).toContain('prose.txt:1');
    s.write('broken.jsonl', '{"id": "p1", "census": {"AGEP": "30"}}\n{"id": "p2", "census": \n');
    const broken = persona(['validate', 'broken.jsonl'], s.dir);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('broken.jsonl:2');
    s.write('unknown.jsonl', '{"id": "p1", "census": {"AGEP": "30", "SHOESIZE": "9"}}\n');
    const unknown = persona(['validate', 'unknown.jsonl'], s.dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(personasMessage.unknownCensusVariable('SHOESIZE'));
    s.write('text.jsonl', '{"id": "p1", "census": {"AGEP": "thirty"}}\n');
    const notCode = persona(['validate', 'text.jsonl'], s.dir);
    expect(notCode.code).toBe(2);
    expect(notCode.stderr).toContain(personasMessage.censusCodeNotInteger('AGEP', 'thirty'));
    const format = persona(['validate', 'text.jsonl', '--format', 'yaml'], s.dir);
    expect(format.code).toBe(2);
    s.write('personas.dat', 'age: 41\n');
    const extension = persona(['validate', 'personas.dat'], s.dir);
    expect(extension.code).toBe(2);
    expect(extension.stderr).toContain(personasMessage.formatUndetected('personas.dat'));
    s.write('empty.txt', '\n\n');
    const empty = persona(['validate', 'empty.txt'], s.dir);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain(personasMessage.noPersonaBlocks());
  });
});
