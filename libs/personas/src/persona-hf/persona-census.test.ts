import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { message } from '../messages.js';
import { parsePersonaBlock, splitPersonaBlocks } from './persona-block.js';
import { personasToCensus, type PersonaCensus } from './persona-census.js';
import { PERSONA_ATTRIBUTES, PERSONA_DETAIL_ATTRIBUTES } from './persona-vocabulary.js';

// Four MADE-UP personas in the form of PERSONA's release (not records from it), written for this test.
const fixture = fileURLToPath(new URL('./fixtures/made-up-personas.txt', import.meta.url));

/** Reads the fixture as a text of persona blocks: split at blank lines, each block parsed with its file lines. */
function readFixture(): PersonaCensus {
  const blocks = splitPersonaBlocks(readFileSync(fixture, 'utf8'));
  return personasToCensus(
    blocks.map((block) => parsePersonaBlock(block.text, { file: fixture, line: block.line }, true)),
    fixture,
  );
}

describe('PERSONA persona strings → census categories', () => {
  it('maps each attribute to the category of its recode, universes included', () => {
    const { table } = readFixture();
    expect(table.nRows).toBe(4);
    // Oracle: the PUMS dictionary labels (SCHL, ESR, MAR, CIT, MIL, DIS, HICOV, HHL, RAC1P/RAC2P) read by hand,
    // then the DP02/DP03/DP05 categories of the @persona/census recodes, worked out per persona:
    // 52 → 45–54 (8); 19 → 15–19 (4); 7 → 5–9 (2); 67 → 65–74 (11).
    expect(table.column('age_group')).toEqual(['8', '4', '2', '11']);
    expect(table.column('sex')).toEqual(['1', '2', '1', '2']);
    // Asian Indian alone (RAC2P) → Asian; "White" → White; Two or More; "Chinese, except Taiwanese alone" (2024 RAC2P) → Asian.
    expect(table.column('race_alone')).toEqual(['4', '1', '7', '4']);
    // Master's (SCHL 22) → Graduate (7); 19 and 7 years old → outside the 25+ universe (0); "bachelor’s DEGREE" → Bachelor's (6).
    expect(table.column('education')).toEqual(['7', '0', '0', '6']);
    // ESR 2 → Civilian employed (1); "Student" is ambiguous → unknown; under 16 → 0; "Not applicable" at 67 → unknown.
    expect(table.column('employment_status')).toEqual(['1', '', '0', '']);
    // MAR 1 → Now married (2); MAR 5 at 19 → Never married (1); under 15 → 0; Widowed → 4.
    expect(table.column('marital_status')).toEqual(['2', '1', '0', '4']);
    // CIT 4 → naturalized (2); CIT 1 and CIT 3 → Native (1); CIT 5 → not a citizen (3).
    expect(table.column('nativity_citizenship')).toEqual(['2', '1', '1', '3']);
    // MIL 4 → Nonveteran (2); "Non-Veteran" → Nonveteran; under 18 → 0; absent at 67 → unknown.
    expect(table.column('veteran_status')).toEqual(['2', '2', '0', '']);
    // HHL "Asian and Pacific Island languages" and "Spanish" → other than English (2); "English" → English only (1); "Klingon" → unknown.
    expect(table.column('language_at_home')).toEqual(['2', '2', '1', '']);
    // "None" is PERSONA's word for no disability. Every persona is inside the disability and health insurance
    // universe (PERSONA_UNIVERSE_ASSUMED: no household marker), even with an unknown employment status (2nd, 4th).
    expect(table.column('disability')).toEqual(['2', '2', '2', '1']);
    expect(table.column('health_insurance')).toEqual(['1', '2', '1', '1']);
    // The PUMS columns themselves are kept (PUMS codes).
    expect(table.column('SCHL')).toEqual(['22', '18', '4', '21']);
  });

  it('reports every value it could not map, with counts, and guesses none', () => {
    const { unmapped } = readFixture();
    expect(unmapped).toEqual([
      { attribute: 'employment status', value: 'Student', count: 1, reason: 'unrecognised' },
      { attribute: 'employment_status', value: 'Not applicable', count: 1, reason: 'not applicable inside the universe' },
      { attribute: 'household language', value: 'Klingon', count: 1, reason: 'unrecognised' },
      { attribute: 'veteran_status', value: '(missing)', count: 1, reason: 'missing' },
    ]);
  });

  it('reads the labels of older PUMS dictionaries and free variants, and flags ambiguous ones', () => {
    const read = (key: string, value: string) => PERSONA_ATTRIBUTES.find((a) => a.key === key)!.match(value);
    // Oracle: CIT 3 was "Born abroad of American parent(s)" before the 2020 dictionary (now "…of U.S. citizen parent or parents").
    expect(read('citizenship', 'Born abroad of American parent(s)')).toEqual({ kind: 'code', code: 3 });
    // 2021 RAC2P 44 "Taiwanese alone" → Asian (RAC1P 6); 2021 RAC2P 31 "Tlingit-Haida alone" → Alaska Native (RAC1P 4).
    expect(read('race', 'Taiwanese alone')).toEqual({ kind: 'code', code: 6 });
    expect(read('race', 'Tlingit-Haida alone')).toEqual({ kind: 'code', code: 4 });
    expect(read('education', 'GED or alternative credential')).toEqual({ kind: 'code', code: 17 });
    expect(read('employment status', 'N/A (less than 16 years old)')).toEqual({ kind: 'blank' });
    // Ambiguous: a U.S. citizen may be native or naturalized; a retiree may work.
    expect(read('citizenship', 'U.S. citizen')).toEqual({ kind: 'unrecognised' });
    expect(read('employment status', 'Retired')).toEqual({ kind: 'unrecognised' });
  });

  it('reads the attributes without a census margin (class of worker, income, fertility, difficulties, English) as PUMS codes', () => {
    const read = (key: string, value: string) => PERSONA_DETAIL_ATTRIBUTES.find((a) => a.key === key)!.match(value);
    expect(PERSONA_DETAIL_ATTRIBUTES.map((a) => [a.key, a.variable])).toEqual([
      ['class of worker', 'COW'],
      ['income', 'PINCP'],
      ['fertility', 'FER'],
      ['cognitive difficulty', 'DREM'],
      ['ability to speak english', 'ENG'],
      ['vision difficulty', 'DEYE'],
      ['hearing difficulty', 'DEAR'],
    ]);
    // Oracle: the 2024 PUMS data dictionary, read by hand — COW 1 "Employee of a private for-profit company or
    // business, …", COW 6 "Self-employed in own not incorporated business, professional practice, or farm",
    // FER 1 "Yes", DREM 2 "No", ENG 3 "Not well", DEYE 1 "Yes", DEAR 2 "No".
    expect(read('class of worker', 'Employee of a private for-profit company or business, or of an individual, for wages, salary, or commissions')).toEqual({
      kind: 'code',
      code: 1,
    });
    expect(read('class of worker', 'self-employed in own NOT incorporated business, professional practice, or farm')).toEqual({ kind: 'code', code: 6 });
    expect(read('fertility', 'Yes')).toEqual({ kind: 'code', code: 1 });
    expect(read('cognitive difficulty', 'No')).toEqual({ kind: 'code', code: 2 });
    expect(read('ability to speak english', 'Not well')).toEqual({ kind: 'code', code: 3 });
    expect(read('vision difficulty', 'Yes')).toEqual({ kind: 'code', code: 1 });
    expect(read('hearing difficulty', 'No')).toEqual({ kind: 'code', code: 2 });
    // The dictionary's N/A labels are the PUMS blank; a word that is no label stays unrecognised.
    expect(read('fertility', 'N/A (less than 15 years/greater than 50 years/ male)')).toEqual({ kind: 'blank' });
    expect(read('class of worker', 'Not applicable')).toEqual({ kind: 'blank' });
    expect(read('class of worker', 'Freelancer')).toEqual({ kind: 'unrecognised' });
    // Income: dollars as PERSONA writes them (PINCP, or HINCP by the validate option; negative for a loss); a range is never guessed.
    expect(read('income', '62000.0')).toEqual({ kind: 'code', code: 62000 });
    expect(read('income', '-60000.0')).toEqual({ kind: 'code', code: -60000 });
    expect(read('income', '$62,000')).toEqual({ kind: 'code', code: 62000 });
    expect(read('income', '$50k-60k')).toEqual({ kind: 'unrecognised' });
    expect(read('income', 'Not applicable')).toEqual({ kind: 'blank' });
  });

  it('names the file line of a malformed line, the record of a repeated attribute, and an empty persona', () => {
    const text = 'age: 40\nsex: Male\n\nage: 33\nthis line has no colon\n';
    const [first, second] = splitPersonaBlocks(text);
    expect([first.line, second.line]).toEqual([1, 4]);
    expect(parsePersonaBlock(first.text, { file: 'bad.txt', line: first.line }, true).fields.get('sex')).toEqual({ value: 'Male', line: 2 });
    expect(() => parsePersonaBlock(second.text, { file: 'bad.txt', line: second.line }, true)).toThrow(
      `bad.txt:5: ${message.personaLineMalformed(2, 'this line has no colon')}`,
    );
    expect(() => parsePersonaBlock('age: 40\nsex: Male\nAge: 41', { file: 'dup.json', index: 1 })).toThrow(
      `record 1: ${message.personaKeyRepeated('age', 1, 3)}`,
    );
    expect(() => parsePersonaBlock('  ', { file: 'blank.json', index: 1 })).toThrow(`record 1: ${message.personaEmpty()}`);
  });
});
