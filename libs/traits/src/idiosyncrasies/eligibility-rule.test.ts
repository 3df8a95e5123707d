import { describe, expect, it } from 'vitest';
import { message } from '../messages.js';
import { codesAt, isEligible, parseEligibilityRule, type RuleVocabulary } from './eligibility-rule.js';
import { parseRuleVocabulary } from './idiosyncrasy-lists.js';
import { catchInputError } from '../../../../test-support/input-error.js';

// A small vocabulary written for these tests (the embedded rules.json is tested in idiosyncrasy-sampler.test.ts).
const FAMILIES = ['Protestant', 'Catholic', 'Jewish', 'Muslim', 'Religiously Unaffiliated'];
const vocabulary: RuleVocabulary = parseRuleVocabulary(
  {
    religionFamilies: FAMILIES,
    flags: {
      employed: { variable: 'ESR', codes: ['1', '2', '4', '5'] },
      longCommute: { variable: 'JWMNP', codes: ['45..200'] },
      christian: { religionFamilies: ['Protestant', 'Catholic'] },
      unaffiliated: { religionFamilies: ['Religiously Unaffiliated'] },
    },
  },
  'rules.json',
);
const rule = (entry: Record<string, unknown>) => parseEligibilityRule(entry, vocabulary, 'list.json', 'entries[0]');

describe('code ranges in PUMS conditions', () => {
  it('expand an inclusive "low..high" range beside single codes', () => {
    expect(codesAt(['1', '3..5', '9'], 'JWTRNS', 'f', 'x')).toEqual([1, 3, 4, 5, 9]);
  });

  it('hold exactly inside the range, never for a blank (JWMNP ≥ 45 minutes)', () => {
    const long = rule({ requires: { JWMNP: ['45..200'] } });
    for (const minutes of [45, 60, 200]) expect(isEligible(long, { AGEP: 40, JWMNP: minutes }), `${minutes}`).toBe(true);
    for (const minutes of [1, 44, 201]) expect(isEligible(long, { AGEP: 40, JWMNP: minutes }), `${minutes}`).toBe(false);
    // Blank: the person worked from home or did not work (PUMS dictionary: JWMNP bbb).
    expect(isEligible(long, { AGEP: 40, JWMNP: null })).toBe(false);
    // The same set through a flag, and excluded rather than required.
    expect(isEligible(rule({ requires: { longCommute: true } }), { AGEP: 40, JWMNP: '050' })).toBe(true);
    expect(isEligible(rule({ excludes: { longCommute: true } }), { AGEP: 40, JWMNP: '050' })).toBe(false);
    expect(isEligible(rule({ excludes: { longCommute: true } }), { AGEP: 40, JWMNP: null })).toBe(true);
  });

  it('test occupation ranges (OCCP, several ranges and codes)', () => {
    const teacher = rule({ requires: { employed: true, OCCP: ['2205..2360', '2545'] } });
    expect(isEligible(teacher, { AGEP: 35, ESR: 1, OCCP: '2310' })).toBe(true);
    expect(isEligible(teacher, { AGEP: 35, ESR: 1, OCCP: '2545' })).toBe(true);
    expect(isEligible(teacher, { AGEP: 35, ESR: 1, OCCP: '2400' })).toBe(false);
    expect(isEligible(teacher, { AGEP: 35, ESR: 6, OCCP: '2310' })).toBe(false);
  });

  it('reject malformed codes and ranges with the variable and what was expected', () => {
    expect(catchInputError(() => rule({ requires: { JWMNP: ['200..45'] } })).message).toBe(
      `list.json: field "entries[0].requires.JWMNP": ${message.emptyCodeRange('JWMNP', '200..45')}`,
    );
    expect(catchInputError(() => rule({ requires: { JWMNP: ['45-200'] } })).message).toContain(message.codeList('JWMNP', ['45-200']));
    expect(catchInputError(() => rule({ requires: { JWMNP: ['45..'] } })).message).toContain(message.codeList('JWMNP', ['45..']));
    expect(catchInputError(() => rule({ excludes: { PINCP: ['1..1000000'] } })).message).toBe(
      `list.json: field "entries[0].excludes.PINCP": ${message.codeTooLarge('PINCP', '1..1000000', 999_999)}`,
    );
  });
});

describe('religionFamily conditions (the drawn religion)', () => {
  it('requires: only the listed families, never a persona without a drawn religion', () => {
    const sabbath = rule({ requires: { religionFamily: ['Jewish'] } });
    expect(isEligible(sabbath, { AGEP: 30 }, 'Jewish')).toBe(true);
    expect(isEligible(sabbath, { AGEP: 30 }, 'Catholic')).toBe(false);
    expect(isEligible(sabbath, { AGEP: 30 }, 'Religiously Unaffiliated')).toBe(false);
    expect(isEligible(sabbath, { AGEP: 30 })).toBe(false);
  });

  it('excludes: every other family passes, and so does no drawn religion (like a PUMS blank)', () => {
    const services = rule({ excludes: { religionFamily: ['Religiously Unaffiliated'] } });
    expect(isEligible(services, { AGEP: 30 }, 'Muslim')).toBe(true);
    expect(isEligible(services, { AGEP: 30 }, 'Religiously Unaffiliated')).toBe(false);
    expect(isEligible(services, { AGEP: 30 }, null)).toBe(true);
  });

  it('works through flags (true and false), and several conditions combine: requires intersect, excludes add up', () => {
    const christian = rule({ requires: { christian: true } });
    expect(FAMILIES.filter((f) => isEligible(christian, { AGEP: 30 }, f))).toEqual(['Protestant', 'Catholic']);
    const notChristian = rule({ requires: { christian: false } });
    expect(FAMILIES.filter((f) => isEligible(notChristian, { AGEP: 30 }, f))).toEqual(['Jewish', 'Muslim', 'Religiously Unaffiliated']);
    const both = rule({ requires: { christian: true, religionFamily: ['Catholic', 'Jewish'] } });
    expect(FAMILIES.filter((f) => isEligible(both, { AGEP: 30 }, f))).toEqual(['Catholic']);
    const neither = rule({ excludes: { christian: true, unaffiliated: true } });
    expect(FAMILIES.filter((f) => isEligible(neither, { AGEP: 30 }, f))).toEqual(['Jewish', 'Muslim']);
  });

  it('still applies the age and census conditions', () => {
    const r = rule({ minAge: 12, requires: { christian: true, employed: true } });
    expect(isEligible(r, { AGEP: 40, ESR: 1 }, 'Catholic')).toBe(true);
    expect(isEligible(r, { AGEP: 40, ESR: 6 }, 'Catholic')).toBe(false);
    expect(isEligible(r, { AGEP: 10, ESR: null }, 'Catholic')).toBe(false);
  });

  it('rejects an unknown family and a malformed list, naming the file and field', () => {
    expect(catchInputError(() => rule({ requires: { religionFamily: ['Jedi'] } })).message).toBe(
      `list.json: field "entries[0].requires.religionFamily": ${message.unknownReligionFamily('Jedi', FAMILIES)}`,
    );
    expect(catchInputError(() => rule({ excludes: { religionFamily: 'Jewish' } })).message).toBe(
      `list.json: field "entries[0].excludes.religionFamily": ${message.religionFamilyList('Jewish')}`,
    );
    expect(catchInputError(() => rule({ requires: { religionFamily: [] } })).message).toContain(message.religionFamilyList([]));
  });
});

describe('rules.json vocabulary', () => {
  const parse = (json: unknown) => catchInputError(() => parseRuleVocabulary(json, 'rules.json')).message;

  it('requires a list of distinct religion families', () => {
    expect(parse({ flags: {} })).toBe(`rules.json: field "religionFamilies": ${message.religionFamilyVocabulary(undefined)}`);
    expect(parse({ religionFamilies: ['Jewish', 'Jewish'], flags: {} })).toContain(message.religionFamilyVocabulary(['Jewish', 'Jewish']));
    expect(parse({ religionFamilies: ['Jewish', ''], flags: {} })).toContain(message.religionFamilyVocabulary(['Jewish', '']));
  });

  it('requires each flag to be either a PUMS or a religion condition, with known families', () => {
    const families = ['Jewish', 'Muslim'];
    expect(parse({ religionFamilies: families, flags: { odd: { variable: 'ESR', codes: ['1'], religionFamilies: ['Jewish'] } } })).toBe(
      `rules.json: field "flags.odd": ${message.flagDefinition('odd')}`,
    );
    expect(parse({ religionFamilies: families, flags: { empty: { description: 'nothing' } } })).toContain(message.flagDefinition('empty'));
    expect(parse({ religionFamilies: families, flags: { abrahamic: { religionFamilies: ['Jewish', 'Christian'] } } })).toBe(
      `rules.json: field "flags.abrahamic.religionFamilies": ${message.unknownReligionFamily('Christian', families)}`,
    );
    expect(parse({ religionFamilies: families, flags: { commute: { variable: 'JWMNP', codes: ['9..1'] } } })).toBe(
      `rules.json: field "flags.commute.codes": ${message.emptyCodeRange('JWMNP', '9..1')}`,
    );
  });
});
