import { describe, expect, it } from 'vitest';
import { message } from '../messages.js';
import { validatePersonas } from '../rules/validate-personas.js';
import { parsePersonaBlock } from './persona-block.js';
import { personaHfFields, type UnrecognisedValue } from './persona-hf-fields.js';

// MADE-UP persona strings in the form of PERSONA's release (FORMAT.md of the reference notes), written for this test.
const read = (text: string, unrecognised: UnrecognisedValue[] = [], income: 'pincp' | 'hincp' = 'pincp') =>
  personaHfFields(parsePersonaBlock(text), { file: 'made-up.txt' }, 0, (l) => l, unrecognised, income);
const violationsOf = (fields: Map<string, number | null>) =>
  validatePersonas([{ fields: (f) => (fields.has(f) ? fields.get(f)! : undefined) }]).map((v) => [v.rule, v.kind]);

describe("PERSONA's conventions read for the consistency rules", () => {
  it("counts a child's 'Non-Veteran', 'Not in labor force' and income 0 as universe matters; other income by the reading chosen", () => {
    const text = 'age: 8\nsex: Female\nemployment status: Not in labor force\nveteran status: Non-Veteran\nincome: 72000.0\nmarital status: Never married or under 15 years old';
    // Oracle: the 2024 PUMS dictionary — ESR 6 "Not in labor force", MIL 4 "Never served in the military";
    // PINCP blank "N/A (less than 15 years old)" and 0 ".None": $72,000 at 8 is a contradiction, 0 a labelling
    // matter; HINCP has no age universe.
    const personal = read(text);
    expect(Object.fromEntries(personal)).toEqual({ AGEP: 8, SEX: 2, ESR: 6, MIL: 4, PINCP: 72000, MAR: 5 });
    expect(violationsOf(personal)).toEqual([
      ['employment-status-universe', 'universe'],
      ['income-under-15', 'contradiction'],
      ['veteran-status-universe', 'universe'],
    ]);
    expect(violationsOf(read(text.replace('income: 72000.0', 'income: 0.0')))).toEqual([
      ['employment-status-universe', 'universe'],
      ['income-universe', 'universe'],
      ['veteran-status-universe', 'universe'],
    ]);
    const household = read(text, [], 'hincp');
    expect(Object.fromEntries(household)).toEqual({ AGEP: 8, SEX: 2, ESR: 6, MIL: 4, HINCP: 72000, MAR: 5 });
    expect(violationsOf(household)).toEqual([
      ['employment-status-universe', 'universe'],
      ['veteran-status-universe', 'universe'],
    ]);
  });

  it('keeps the contradictions: an employed 10-year-old, a six-figure income at 16 (personal reading), and -60000.0 below both bottom codes', () => {
    // PINCP bottom code −19,998 "Loss of $19998 or more"; HINCP bottom code −59,999 "Loss of -$59,999 or more".
    expect(violationsOf(read('age: 10\nemployment status: Employed\nincome: -60000.0'))).toEqual([
      ['labor-force-under-16', 'contradiction'],
      ['income-under-15', 'contradiction'],
      ['personal-income-range', 'contradiction'],
    ]);
    expect(violationsOf(read('age: 10\nemployment status: Employed\nincome: -60000.0', [], 'hincp'))).toEqual([
      ['labor-force-under-16', 'contradiction'],
      ['household-income-range', 'contradiction'],
    ]);
    expect(violationsOf(read('age: 16\nincome: 150000.0'))).toEqual([['income-minor-six-figures', 'contradiction']]);
    expect(violationsOf(read('age: 16\nincome: 150000.0', [], 'hincp'))).toEqual([]);
  });

  it('lists a "not applicable" word for a variable the dictionary gives no N/A code (DIS), and leaves it out', () => {
    const unrecognised: UnrecognisedValue[] = [];
    const fields = read('age: 30\ndisability: Not applicable\nemployment status: Not applicable', unrecognised);
    // ESR has "b .N/A (less than 16 years old)" (a blank), DIS has no b line.
    expect(Object.fromEntries(fields)).toEqual({ AGEP: 30, ESR: null });
    expect(unrecognised).toEqual([{ key: 'disability', value: 'Not applicable', index: 0, line: 2, reason: 'no N/A code' }]);
  });

  it('names the record, not a made-up line, of an unknown attribute when the file line is unknown', () => {
    // Used to report the record index as a file line (hfbad.csv:2 for a persona starting on line 4).
    const parsed = parsePersonaBlock('age: 10\nshoe: 3', { file: 'hf.csv', index: 1, field: 'persona' });
    expect(() => personaHfFields(parsed, { file: 'hf.csv', index: 1 }, 1, () => undefined, [], 'pincp')).toThrow(
      `hf.csv: record 1: field "shoe": ${message.unknownAttribute('shoe')}`,
    );
  });
});
