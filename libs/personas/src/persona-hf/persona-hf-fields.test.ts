import { describe, expect, it } from 'vitest';
import { message } from '../messages.js';
import { validatePersonas } from '../rules/validate-personas.js';
import { parsePersonaBlock } from './persona-block.js';
import { personaHfFields, type UnrecognisedValue } from './persona-hf-fields.js';

// MADE-UP persona strings in the form of PERSONA's release (FORMAT.md of the reference notes), written for this test.
const read = (text: string, unrecognised: UnrecognisedValue[] = []) =>
  personaHfFields(parsePersonaBlock(text), { file: 'made-up.txt' }, 0, (l) => l, unrecognised);

describe("PERSONA's conventions read for the consistency rules", () => {
  it("counts a child's 'Non-Veteran' and 'Not in labor force' as universe matters, and leaves household income alone", () => {
    const fields = read('age: 8\nsex: Female\nemployment status: Not in labor force\nveteran status: Non-Veteran\nincome: 72000.0\nmarital status: Never married or under 15 years old');
    // Oracle: the 2024 PUMS dictionary — ESR 6 "Not in labor force", MIL 4 "Never served in the military"; income is read as HINCP.
    expect(Object.fromEntries(fields)).toEqual({ AGEP: 8, SEX: 2, ESR: 6, MIL: 4, HINCP: 72000, MAR: 5 });
    const violations = validatePersonas([{ fields: (f) => (fields.has(f) ? fields.get(f)! : undefined) }]);
    expect(violations.map((v) => [v.rule, v.kind])).toEqual([
      ['employment-status-universe', 'universe'],
      ['veteran-status-universe', 'universe'],
    ]);
  });

  it('keeps the contradictions: an employed 10-year-old, and a -60000.0 income below the HINCP bottom code (-59,999)', () => {
    const fields = read('age: 10\nemployment status: Employed\nincome: -60000.0');
    const violations = validatePersonas([{ fields: (f) => (fields.has(f) ? fields.get(f)! : undefined) }]);
    expect(violations.map((v) => [v.rule, v.kind])).toEqual([
      ['labor-force-under-16', 'contradiction'],
      ['household-income-range', 'contradiction'],
    ]);
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
    expect(() => personaHfFields(parsed, { file: 'hf.csv', index: 1 }, 1, () => undefined, [])).toThrow(
      `hf.csv: record 1: field "shoe": ${message.unknownAttribute('shoe')}`,
    );
  });
});
