import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterAll, describe, expect, it } from 'vitest';
import { consistencyRules, personasMessage, VALIDATE_FORMATS } from '@persona/personas';
import { message as cliMessage } from '../apps/cli/src/messages.js';
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
  inconsistentByKind: Record<string, number>;
  format: string;
  rules: number;
  rulesApplicable: number;
  applied: Record<string, number>;
  skipped: Record<string, number>;
  byRule: Record<string, number>;
  byKind: Record<string, number>;
  violations: { rule: string; kind: string; index: number; line?: number; id?: string; values: Record<string, number | null> }[];
  unrecognised: { key: string; value: string; index: number; line?: number; reason: string }[];
}

const RULES = consistencyRules().length;
const ours = (id: string, census: Record<string, string | null>) => JSON.stringify({ id, weight: 1, census });

describe('persona validate', () => {
  it('passes a consistent PERSONA file (exit 0)', () => {
    s.write('clean.txt', `${block(nurse)}\n\n${block({ ...nurse, age: '35' })}\n`);
    const r = persona(['validate', 'clean.txt', '--json'], s.dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ personas: 2, consistent: true, violations: [], format: 'persona-hf' });
  });

  it('reports each violation with the rule, its kind and the record, exit 3 (an employed 9-year-old; a -60000 income)', () => {
    s.write('bad.txt', `${block(nurse)}\n\n${block(employedChild)}\n\n${block(loss)}\n`);
    const r = persona(['validate', 'bad.txt', '--json'], s.dir);
    expect(r.code).toBe(3);
    const out = JSON.parse(r.stdout) as ValidateOutput;
    expect(out.consistent).toBe(false);
    expect(out.inconsistent).toBe(2);
    // The child's block starts on line 16 (14 lines + a blank line); the third on line 31. The child's
    // "Non-Veteran" stands where the census writes "N/A (less than 17 years old)": a universe matter. Its
    // income 178900, read as personal income (PINCP, the default), is a nonzero income under 15 (PINCP blank
    // "N/A (less than 15 years old)", 2024 PUMS dictionary), counted once (income-minor-six-figures is 15-17).
    expect(out.violations.filter((v) => v.index === 1).map((v) => [v.rule, v.kind, v.line])).toEqual([
      ['labor-force-under-16', 'contradiction', 16],
      ['class-of-worker-under-16', 'contradiction', 16],
      ['income-under-15', 'contradiction', 16],
      ['veteran-status-universe', 'universe', 16],
    ]);
    // PINCP's bottom code is -19,998 (2024 PUMS dictionary): -60000 is a contradiction.
    expect(out.violations.filter((v) => v.index === 2)).toEqual([
      expect.objectContaining({ rule: 'personal-income-range', kind: 'contradiction', line: 31, values: { PINCP: -60000 } }),
    ]);
    expect(out.byKind).toEqual({ contradiction: 4, universe: 1, code: 0 });
    expect(out.inconsistentByKind).toEqual({ contradiction: 2, universe: 1, code: 0 });
    const text = persona(['validate', 'bad.txt'], s.dir);
    expect(text.code).toBe(3);
    expect(text.stdout).toContain('bad.txt:line 16: labor-force-under-16 [contradiction]: AGEP=9, ESR=1');
    expect(text.stdout).toContain(personasMessage.validateViolations(5, 2, 3, { contradiction: 4, universe: 1, code: 0 }));
    expect(text.stdout).toContain(personasMessage.rulesApplicable(out.rulesApplicable, RULES));
    // Read as household income (HINCP: no age universe), the child's income breaks no rule; HINCP's bottom code
    // is -59,999, so -60000 is still a contradiction.
    const household = JSON.parse(persona(['validate', 'bad.txt', '--json', '--persona-income', 'hincp'], s.dir).stdout) as ValidateOutput;
    expect(household.violations.map((v) => [v.index, v.rule, v.kind])).toEqual([
      [1, 'labor-force-under-16', 'contradiction'],
      [1, 'class-of-worker-under-16', 'contradiction'],
      [1, 'veteran-status-universe', 'universe'],
      [2, 'household-income-range', 'contradiction'],
    ]);
    const wrong = persona(['validate', 'bad.txt', '--persona-income', 'family'], s.dir);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--persona-income');
  });

  it('reads our .jsonl and names the record id of a tampered persona', () => {
    s.write('ours.jsonl', `${ours('p1', { AGEP: '30', ESR: '6', MAR: '1' })}\n${ours('p2', { AGEP: '12', ESR: '1', MAR: '5' })}\n`);
    const r = persona(['validate', 'ours.jsonl', '--json'], s.dir);
    expect(r.code).toBe(3);
    const out = JSON.parse(r.stdout) as ValidateOutput;
    expect(out.format).toBe('jsonl');
    expect(out.violations).toEqual([expect.objectContaining({ rule: 'labor-force-under-16', kind: 'contradiction', id: 'p2', line: 2, index: 1, values: { AGEP: 12, ESR: 1 } })]);
  });

  it('reports a census code the PUMS dictionary does not list (census.SEX = "9"), or a blank it has no N/A code for, exit 3', () => {
    // Used to pass with exit 0: codes outside the dictionary were not checked, and a blank SEX, CIT or AGEP was
    // taken as "not applicable". Oracle: the 2024 PUMS data dictionary lists SEX 1 (Male) and 2 (Female) only,
    // with no "b" line; AGEP is a range 0..99 without a blank.
    s.write('codes.jsonl', `${ours('p1', { AGEP: '30', SEX: '2', MAR: '1' })}\n${ours('p2', { AGEP: '30', SEX: '9', MAR: '1' })}\n${ours('p3', { AGEP: '30', SEX: null, MAR: '1' })}\n`);
    const r = persona(['validate', 'codes.jsonl', '--json'], s.dir);
    expect(r.code).toBe(3);
    const out = JSON.parse(r.stdout) as ValidateOutput;
    expect(out.violations).toEqual([
      { rule: 'pums-code', kind: 'code', description: personasMessage.censusCodeUnknown('SEX', '9'), index: 1, id: 'p2', line: 2, values: { SEX: 9 } },
      { rule: 'pums-code', kind: 'code', description: personasMessage.censusBlankNotAllowed('SEX'), index: 2, id: 'p3', line: 3, values: { SEX: null } },
    ]);
    expect(out.byKind).toEqual({ contradiction: 0, universe: 0, code: 2 });
    // A blank SEX is counted with the unlisted code: neither is allowed by the dictionary.
    expect(persona(['validate', 'codes.jsonl'], s.dir).stdout).toContain(personasMessage.validateViolations(2, 2, 3, { contradiction: 0, universe: 0, code: 2 }));
    s.write('codes.csv', 'id,census.AGEP,census.SEX,census.MAR\np1,30,3,1\n');
    const csv = JSON.parse(persona(['validate', 'codes.csv', '--json'], s.dir).stdout) as ValidateOutput;
    expect(csv.violations).toEqual([expect.objectContaining({ rule: 'pums-code', line: 2, values: { SEX: 3 } })]);
  });

  it('counts one fault once: a code outside the dictionary skips the rules that read its field', () => {
    // Used to report PINCP -60000 under pums-code and income-range, and AGEP 120 under pums-code and a fertility rule.
    // Oracle: PINCP's bottom code is -19998 and AGEP's range 0..99 (2024 PUMS dictionary).
    s.write('once.jsonl', `${ours('p1', { AGEP: '40', SEX: '2', PINCP: '-60000', MAR: '1' })}\n${ours('p2', { AGEP: '120', SEX: '2', FER: '2', MAR: '1' })}\n`);
    const out = JSON.parse(persona(['validate', 'once.jsonl', '--json'], s.dir).stdout) as ValidateOutput;
    expect(out.violations.map((v) => [v.rule, v.index, v.values])).toEqual([
      ['pums-code', 0, { PINCP: -60000 }],
      ['pums-code', 1, { AGEP: 120 }],
    ]);
    // income-present reads AGEP and PINCP: applied to neither (p1's PINCP failed, p2 has none and a failed AGEP).
    expect([out.applied['income-present'], out.skipped['income-present']]).toEqual([0, 2]);
    expect([out.applied['marital-status-under-15'], out.skipped['marital-status-under-15']]).toEqual([1, 1]);
  });

  it('says how many rules applied, and exits 2 for our files without census.AGEP or a file no rule applies to', () => {
    // Used to print "1 persona checked against 32 consistency rules: no violation" (exit 0) for {"census": {}}.
    s.write('sparse.jsonl', `${ours('p1', { AGEP: '30', MAR: '1', ESR: '6' })}\n`);
    const sparse = persona(['validate', 'sparse.jsonl', '--json'], s.dir);
    expect(sparse.code).toBe(0);
    const out = JSON.parse(sparse.stdout) as ValidateOutput;
    // Rules reading only AGEP, MAR and ESR: marital-status-under-15, labor-force-under-16,
    // employment-status-universe and employment-status-present (data/personas/rules.json).
    expect(out.rulesApplicable).toBe(4);
    expect(out.rules).toBe(RULES);
    expect(out.skipped['income-present']).toBe(1);
    expect(persona(['validate', 'sparse.jsonl'], s.dir).stdout).toBe(`${personasMessage.validateClean(1, 4, RULES)}\n`);
    // Used to print "1 read fields no persona carries" for one rule; the plural form here.
    expect(personasMessage.validateClean(1, 4, RULES)).toBe(
      `1 persona checked, 4 of ${RULES} consistency rules applicable (${RULES - 4} rules read fields no persona carries; per rule: --json "skipped"): no violation`,
    );
    s.write('empty-census.jsonl', `${ours('x', {})}\n`);
    const empty = persona(['validate', 'empty-census.jsonl'], s.dir);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toBe(`persona: empty-census.jsonl:1: field "census.AGEP": ${personasMessage.censusAgeMissing()}\n`);
    s.write('no-age.csv', 'id,census.SEX,census.MAR\np1,1,1\n');
    const noAge = persona(['validate', 'no-age.csv'], s.dir);
    expect(noAge.code).toBe(2);
    expect(noAge.stderr).toBe(`persona: no-age.csv: field "census.AGEP": ${personasMessage.censusAgeMissing()}\n`);
    s.write('sexonly.txt', 'age: 30\nsex: Male\n');
    const none = persona(['validate', 'sexonly.txt'], s.dir);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain(personasMessage.noRuleApplicable(RULES));
  });

  it('splits a child\'s income like its wages: a nonzero PINCP under 15 is a contradiction, PINCP 0 a universe matter', () => {
    // Used to call $72,000 at 8 a labelling matter (income-universe) while the same WAGP was a contradiction.
    // Oracle: the 2024 PUMS dictionary, PINCP and WAGP: "bbbbbbb .N/A (less than 15 years old)", "0 .None".
    s.write('kid.jsonl', `${ours('k1', { AGEP: '8', PINCP: '72000', WAGP: '72000' })}\n${ours('k2', { AGEP: '8', PINCP: '0', WAGP: '0' })}\n${ours('k3', { AGEP: '12', PINCP: '-500', WAGP: null })}\n`);
    const r = persona(['validate', 'kid.jsonl', '--json'], s.dir);
    expect(r.code).toBe(3);
    const out = JSON.parse(r.stdout) as ValidateOutput;
    expect(out.violations.map((v) => [v.id, v.rule, v.kind])).toEqual([
      ['k1', 'income-under-15', 'contradiction'],
      ['k1', 'wages-under-15', 'contradiction'],
      ['k2', 'income-universe', 'universe'],
      ['k2', 'wages-universe', 'universe'],
      ['k3', 'income-under-15', 'contradiction'],
    ]);
  });

  it('exits 2 for a file of ours with no persona (header-only .csv, zero-row .parquet, blank .jsonl), as for the other forms', () => {
    // Used to print "0 personas checked, 0 of 59 consistency rules applicable … no violation" with exit 0.
    s.write('header.csv', 'id,census.AGEP\n');
    const zeroRows = parquetWriteBuffer({
      columnData: [{ name: 'id', data: [] }, { name: 'census.AGEP', data: [] }],
      schema: [
        { name: 'root', num_children: 2 },
        { name: 'id', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' },
        { name: 'census.AGEP', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
      ],
    });
    writeFileSync(join(s.dir, 'zero.parquet'), Buffer.from(zeroRows));
    s.write('blank.jsonl', '\n\n');
    for (const [file, args] of [['header.csv', []], ['zero.parquet', []], ['blank.jsonl', ['--format', 'jsonl']]] as const) {
      const r = persona(['validate', file, ...args], s.dir);
      expect([file, r.code, r.stderr, r.stdout]).toEqual([file, 2, `persona: ${file}: ${personasMessage.noPersonaRecords()}\n`, '']);
    }
  });

  it('exits 2 for a census value of our .jsonl that is not a string, a number or null, naming the line and field', () => {
    // Used to read {"AGEP": [30]} as age 30 (String([30]) is "30") with exit 0.
    s.write('typed.jsonl', `${ours('p1', { AGEP: '30', MAR: '1' })}\n${JSON.stringify({ id: 'p2', census: { AGEP: 30, MAR: 1 } })}\n`);
    expect(persona(['validate', 'typed.jsonl'], s.dir).code).toBe(0);
    const bad: [string, unknown, string][] = [
      ['AGEP', [30], '[30]'],
      ['SEX', [1], '[1]'],
      ['MAR', { code: 1 }, '{"code":1}'],
      ['SEX', true, 'true'],
    ];
    for (const [field, value, shown] of bad) {
      s.write('wrong-type.jsonl', `${ours('p1', { AGEP: '30', MAR: '1' })}\n${JSON.stringify({ id: 'p2', census: { AGEP: '30', MAR: '1', [field]: value } })}\n`);
      const r = persona(['validate', 'wrong-type.jsonl'], s.dir);
      expect([field, r.code, r.stderr]).toEqual([field, 2, `persona: wrong-type.jsonl:2: field "census.${field}": ${personasMessage.censusCodeNotInteger(field, shown)}\n`]);
    }
  });

  it('says which form it expected for a CSV of plain PUMS columns or a .jsonl without census', () => {
    s.write('plain.csv', 'AGEP,SEX\n30,1\n');
    const plain = persona(['validate', 'plain.csv'], s.dir);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toContain(personasMessage.noPersonaFields(['AGEP', 'SEX']));
    s.write('nocensus.jsonl', '{"id": "p1", "weight": 1}\n');
    const jsonl = persona(['validate', 'nocensus.jsonl'], s.dir);
    expect(jsonl.code).toBe(2);
    expect(jsonl.stderr).toContain(`nocensus.jsonl:1: ${personasMessage.noPersonaFields(['id', 'weight'])}`);
    const format = persona(['validate', 'nocensus.jsonl', '--format', 'csv'], s.dir);
    expect(format.code).toBe(2);
    // Used to say "expected --method to be one of …".
    expect(format.stderr).toContain(cliMessage.choiceInvalid('--format', 'csv', VALIDATE_FORMATS));
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
    expect(format.stderr).toContain(cliMessage.choiceInvalid('--format', 'yaml', VALIDATE_FORMATS));
    s.write('personas.dat', 'age: 41\n');
    const extension = persona(['validate', 'personas.dat'], s.dir);
    expect(extension.code).toBe(2);
    expect(extension.stderr).toContain(personasMessage.formatUndetected('personas.dat'));
    s.write('empty.txt', '\n\n');
    const empty = persona(['validate', 'empty.txt'], s.dir);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain(personasMessage.noPersonaBlocks());
  });

  it("reads PERSONA's release in every form: .csv, .jsonl, .json (strings or objects), .txt.gz, with a byte-order mark", () => {
    // An 8-year-old with PERSONA's "Non-Veteran", "Not in labor force" and an income (FORMAT.md): two universe
    // matters and one contradiction (income read as PINCP: blank "N/A (less than 15 years old)", so $72,000 at 8
    // is ruled out); and the nurse, clean.
    const child = block({ age: '8', sex: 'Female', 'employment status': 'Not in labor force', 'veteran status': 'Non-Veteran', income: '72000.0', education: 'Grade 3' });
    const expected = { personas: 2, format: 'persona-hf', byKind: { contradiction: 1, universe: 2, code: 0 }, inconsistentByKind: { contradiction: 1, universe: 1, code: 0 } };
    const csvField = (text: string) => `"${text.replaceAll('"', '""')}"`;
    const forms: [string, string | Buffer][] = [
      ['hf.csv', `persona\n${csvField(block(nurse))}\n${csvField(child)}\n`],
      ['hf.jsonl', `${JSON.stringify({ persona: block(nurse) })}\n${JSON.stringify({ persona: child })}\n`],
      ['hf-strings.json', JSON.stringify([block(nurse), child])],
      ['hf-objects.json', JSON.stringify([{ persona: block(nurse) }, { persona: child }])],
      ['hf.txt.gz', gzipSync(`${block(nurse)}\n\n${child}\n`)],
      ['bom.txt', `\uFEFF${block(nurse)}\r\n\r\n${child.replaceAll('\n', '\r\n')}\r\n`],
      ['bom.csv', `\uFEFFpersona\n${csvField(block(nurse))}\n${csvField(child)}\n`],
      ['bom.jsonl', `\uFEFF${JSON.stringify({ persona: block(nurse) })}\n${JSON.stringify({ persona: child })}\n`],
    ];
    for (const [name, content] of forms) {
      writeFileSync(join(s.dir, name), content);
      const r = persona(['validate', name, '--json'], s.dir);
      expect([name, r.code, r.stderr]).toEqual([name, 3, '']);
      const out = JSON.parse(r.stdout) as ValidateOutput;
      expect(out, name).toMatchObject(expected);
      expect(out.violations.map((v) => v.rule), name).toEqual(['employment-status-universe', 'income-under-15', 'veteran-status-universe']);
    }
    // In the .jsonl each persona is one line; in the .csv the persona strings span lines, and the child is
    // named by the line it starts on: line 1 the header, the nurse's 14 keys on lines 2-15, the child from line 16.
    const csvText = persona(['validate', 'hf.csv'], s.dir).stdout;
    expect(csvText).toContain('hf.csv:line 16: employment-status-universe [universe]: AGEP=8, ESR=6');
    expect((JSON.parse(persona(['validate', 'hf.csv', '--json'], s.dir).stdout) as ValidateOutput).violations[0]).toMatchObject({ index: 1, line: 16 });
    expect(persona(['validate', 'hf.jsonl'], s.dir).stdout).toContain('hf.jsonl:line 2: employment-status-universe');
    s.write('ours-bom.jsonl', `\uFEFF${ours('p1', { AGEP: '30', MAR: '1' })}\n`);
    expect(persona(['validate', 'ours-bom.jsonl'], s.dir).code).toBe(0);
  });

  it('names the line a bad persona of a .csv starts on, after quoted line breaks, and the record of a .json (never a record index as a line)', () => {
    // Used to say hfbad.csv:2 for the second persona (which starts on line 4), then "record 1"; and hfobjs.json:2 for a one-line file.
    // Lines: 1 `persona`, 2 `"age: 40`, 3 `sex: Male"` (record 0), 4 `"age: 10`, 5 `shoe: 3"` (record 1, starting on line 4).
    s.write('hfbad.csv', 'persona\n"age: 40\nsex: Male"\n"age: 10\nshoe: 3"\n');
    const csv = persona(['validate', 'hfbad.csv'], s.dir);
    expect(csv.code).toBe(2);
    expect(csv.stderr).toBe(`persona: hfbad.csv:4: field "shoe": ${personasMessage.unknownAttribute('shoe')}\n`);
    // A CSV of ours: lines 1 header, 2-3 the id "a⏎b" (row 0), 4 row 1 with AGEP "thirty".
    s.write('ours-quoted.csv', 'id,census.AGEP\n"a\nb",30\nc,thirty\n');
    const ourCsv = persona(['validate', 'ours-quoted.csv'], s.dir);
    expect(ourCsv.code).toBe(2);
    expect(ourCsv.stderr).toBe(`persona: ours-quoted.csv:4: field "census.AGEP": ${personasMessage.censusCodeNotInteger('AGEP', 'thirty')}\n`);
    s.write('hfbad.json', JSON.stringify([{ persona: 'age: 40' }, { persona: 'age: 10\nage: 11' }]));
    const json = persona(['validate', 'hfbad.json'], s.dir);
    expect(json.code).toBe(2);
    expect(json.stderr).toBe(`persona: hfbad.json: record 1: field "persona": ${personasMessage.personaKeyRepeated('age', 1, 2)}\n`);
    s.write('numbers.json', '[1, 2]');
    const numbers = persona(['validate', 'numbers.json'], s.dir);
    expect(numbers.code).toBe(2);
    expect(numbers.stderr).toBe(`persona: numbers.json: record 0: ${personasMessage.jsonNotPersonaArray()}\n`);
  });
});
