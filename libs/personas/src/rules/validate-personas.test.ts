import { describe, expect, it } from 'vitest';
import { consistencyRules, RULE_KINDS } from './consistency-rule.js';
import { emptyRuleCoverage, validatePersonas, type CheckedRecord } from './validate-personas.js';

type Fields = Record<string, number | null>;

// Hand-made records, coded with the ACS 2024 PUMS data dictionary (data/census/census_pums_acs1_2024_data_dict.txt,
// the oracle of every case below: each rule's N/A line is quoted in its description): a 40-year-old employed woman
// with a bachelor's degree who speaks another language at home, a 70-year-old retired woman, and a 9-year-old boy in grade 3.
const adult: Fields = {
  AGEP: 40, SEX: 2, MAR: 1, ESR: 1, COW: 1, PINCP: 50000, WAGP: 50000, HINCP: 90000, SCHL: 21, FOD1P: 6200, MIL: 4, FER: 2,
  LANX: 1, ENG: 1, DREM: 2, DPHY: 2, DEAR: 2, DEYE: 2, DIS: 2, WKHP: 40, WKWN: 52, JWTRNS: 1, JWMNP: 25, OCCP: 3255, INDP: 8191,
  CIT: 4, NATIVITY: 2, HICOV: 1, PRIVCOV: 1, PUBCOV: 2, MIGSP: null,
};
const retiree: Fields = {
  ...adult, AGEP: 70, ESR: 6, COW: null, OCCP: null, INDP: null, WKHP: null, WKWN: null, JWTRNS: null, JWMNP: null, WAGP: 0, PINCP: 30000, FER: null,
};
const child: Fields = {
  AGEP: 9, SEX: 1, MAR: 5, ESR: null, COW: null, PINCP: null, WAGP: null, HINCP: 60000, SCHL: 6, FOD1P: null, MIL: null, FER: null,
  LANX: 2, ENG: null, DREM: 2, DPHY: 2, DEAR: 2, DEYE: 2, DIS: 2, WKHP: null, WKWN: null, JWTRNS: null, JWMNP: null, OCCP: null, INDP: null,
  CIT: 1, NATIVITY: 1, HICOV: 1, PRIVCOV: 2, PUBCOV: 1, MIGSP: null,
};
/** Under 5: no SCHL below 3, no LANX, DREM, DPHY (their universes are 3+ and 5+). */
const toddler = (age: number, schl: number | null): Fields => ({ ...child, AGEP: age, SCHL: schl, LANX: null, DREM: null, DPHY: null });
const teen = (age: number, extra: Fields): Fields => ({ ...child, AGEP: age, PINCP: 0, WAGP: 0, ...extra });

const record = (fields: Fields): CheckedRecord => ({ fields: (name) => (Object.hasOwn(fields, name) ? fields[name] : undefined) });
const fired = (fields: Fields) => validatePersonas([record(fields)]).map((v) => v.rule);

// Each rule, the smallest change of a clean record that breaks it (and only it).
const cases: [rule: string, base: Fields, change: Fields][] = [
  ['marital-status-under-15', child, { MAR: 1 }],
  ['labor-force-under-16', child, { ESR: 3 }],
  ['employment-status-universe', child, { ESR: 6 }],
  ['employment-status-present', retiree, { ESR: null }],
  ['class-of-worker-under-16', teen(15, { SCHL: 12 }), { COW: 1, OCCP: 4720, INDP: 5391 }],
  ['class-of-worker-universe', teen(15, { SCHL: 12 }), { COW: 9, OCCP: 9920, INDP: 9920 }],
  ['class-of-worker-employed', adult, { COW: 9 }],
  ['work-history-blank-together', retiree, { OCCP: 4720 }],
  ['work-history-present-together', retiree, { COW: 1, INDP: 5391 }],
  // PINCP: blank "N/A (less than 15 years old)", 0 ".None": a $5,000 income at 9 is ruled out, a 0 only mislabelled.
  ['income-under-15', child, { PINCP: 5000 }],
  ['income-universe', child, { PINCP: 0 }],
  ['income-present', adult, { PINCP: null }],
  ['income-minor-six-figures', teen(17, { SCHL: 14, MIL: 4, ESR: 6 }), { PINCP: 178900 }],
  // HINCP's bottom code is -59999 "Loss of -$59,999 or more": PERSONA's -60000.0 is below it.
  ['household-income-range', adult, { HINCP: -60000 }],
  // PINCP's bottom code is -19998 "Loss of $19998 or more".
  ['personal-income-range', adult, { PINCP: -19999 }],
  ['wages-under-15', child, { WAGP: 5000 }],
  ['wages-universe', child, { WAGP: 0 }],
  ['education-universe', toddler(2, null), { SCHL: 1 }],
  ['education-present', child, { SCHL: null }],
  ['education-grade-1-age', toddler(3, 2), { SCHL: 4 }],
  ['education-grade-5-age', { ...child, AGEP: 7, SCHL: 5 }, { SCHL: 8 }],
  ['education-grade-9-age', { ...child, AGEP: 11 }, { SCHL: 12 }],
  ['education-high-school-age', { ...child, AGEP: 13 }, { SCHL: 16 }],
  ['education-associate-age', teen(15, { SCHL: 12 }), { SCHL: 20 }],
  ['education-bachelor-age', teen(16, { SCHL: 13, ESR: 6 }), { SCHL: 21, FOD1P: 6200 }],
  ['education-graduate-age', teen(18, { SCHL: 19, ESR: 6, MIL: 4 }), { SCHL: 22, FOD1P: 6200 }],
  ['education-doctorate-age', { ...adult, AGEP: 19, SCHL: 22 }, { SCHL: 24 }],
  ['field-of-degree-universe', adult, { SCHL: 19 }],
  ['field-of-degree-present', adult, { FOD1P: null }],
  ['military-service-under-17', child, { MIL: 2 }],
  ['veteran-status-universe', child, { MIL: 4 }],
  ['veteran-status-present', adult, { MIL: null }],
  ['fertility-birth-age', retiree, { FER: 1 }],
  ['fertility-universe-age', retiree, { FER: 2 }],
  ['fertility-birth-male', { ...adult, SEX: 1, FER: null }, { FER: 1 }],
  ['fertility-universe-sex', { ...adult, SEX: 1, FER: null }, { FER: 2 }],
  ['fertility-present', adult, { FER: null }],
  ['language-universe', toddler(4, 3), { LANX: 2 }],
  ['language-present', child, { LANX: null }],
  ['english-ability-universe', child, { ENG: 1 }],
  ['english-ability-present', adult, { ENG: null }],
  ['cognitive-difficulty-universe', toddler(4, 3), { DREM: 2 }],
  ['cognitive-difficulty-present', child, { DREM: null }],
  ['ambulatory-difficulty-universe', toddler(4, 3), { DPHY: 2 }],
  ['ambulatory-difficulty-present', child, { DPHY: null }],
  ['disability-hearing', adult, { DEAR: 1 }],
  ['disability-vision', adult, { DEYE: 1 }],
  ['disability-cognitive', adult, { DREM: 1 }],
  ['disability-ambulatory', adult, { DPHY: 1 }],
  ['health-insurance-none', adult, { HICOV: 2 }],
  ['health-insurance-any', adult, { PRIVCOV: 2 }],
  ['hours-worked-universe', child, { WKHP: 10, WKWN: 20 }],
  ['weeks-worked-without-hours', retiree, { WKWN: 30 }],
  ['hours-worked-without-weeks', retiree, { WKHP: 20 }],
  ['commute-not-at-work', retiree, { JWTRNS: 1, JWMNP: 20 }],
  ['commute-time-without-commute', retiree, { JWMNP: 20 }],
  ['commute-time-worked-from-home', adult, { JWTRNS: 11 }],
  ['migration-universe', toddler(0, null), { MIGSP: 6 }],
  ['nativity-citizenship', child, { NATIVITY: 2 }],
  ['nativity-citizenship-foreign', adult, { NATIVITY: 1 }],
];

describe('consistency rules', () => {
  it('leave the clean records alone', () => {
    expect(fired(adult)).toEqual([]);
    expect(fired(retiree)).toEqual([]);
    expect(fired(child)).toEqual([]);
  });

  it('have one crafted violation each (every rule of data/personas/rules.json is covered)', () => {
    expect(cases.map(([rule]) => rule).sort()).toEqual(consistencyRules().map((r) => r.id).sort());
  });

  it.each(cases)('%s fires on its violation and only there', (rule, base, change) => {
    expect(fired(base)).toEqual([]);
    expect(fired({ ...base, ...change })).toEqual([rule]);
  });

  it('give each rule a kind: a claim the census rules out is a contradiction, a code where it writes N/A a universe matter', () => {
    for (const rule of consistencyRules()) expect(RULE_KINDS).toContain(rule.kind);
    const kind = (id: string) => consistencyRules().find((r) => r.id === id)!.kind;
    // Classified by hand from the dictionary's N/A lines: an employed 10-year-old, any nonzero income at 8 and a
    // six-figure income at 16 are contradictions; "Not in labor force" (ESR 6), "Never served in the military" (MIL 4)
    // or an income of 0 "None" on a child stand where the census writes "N/A (less than 15/16/17 years old)" and
    // claim nothing false.
    expect([kind('labor-force-under-16'), kind('income-under-15'), kind('income-minor-six-figures'), kind('military-service-under-17')]).toEqual([
      'contradiction',
      'contradiction',
      'contradiction',
      'contradiction',
    ]);
    expect([kind('employment-status-universe'), kind('veteran-status-universe'), kind('income-universe')]).toEqual(['universe', 'universe', 'universe']);
  });

  it('skips a rule whose fields the record lacks (PERSONA optional attributes) and counts it', () => {
    const { MAR: _drop, ...withoutMarital } = { ...child, MAR: 1 };
    expect(fired({ ...child, MAR: 1 })).toEqual(['marital-status-under-15']);
    const coverage = emptyRuleCoverage();
    expect(validatePersonas([record(withoutMarital), record(child)], consistencyRules(), coverage)).toEqual([]);
    expect([coverage.applied['marital-status-under-15'], coverage.skipped['marital-status-under-15']]).toEqual([1, 1]);
    // Both records carry CIT and NATIVITY; every rule is either applied to or skipped for each record.
    expect(coverage.applied['nativity-citizenship']).toBe(2);
    const total = consistencyRules().length;
    expect(Object.values(coverage.applied).reduce((a, b) => a + b, 0) + Object.values(coverage.skipped).reduce((a, b) => a + b, 0)).toBe(2 * total);
  });

  it('reports the record, each rule it breaks, its kind and the values read (an employed 9-year-old: in the labor force under 16, and no class of worker)', () => {
    const violations = validatePersonas([record(adult), { ...record({ ...child, ESR: 1 }), id: 'p2', line: 7 }]);
    const rule = (id: string) => consistencyRules().find((r) => r.id === id)!;
    expect(violations).toEqual([
      { rule: 'labor-force-under-16', kind: 'contradiction', description: rule('labor-force-under-16').description, index: 1, id: 'p2', line: 7, values: { AGEP: 9, ESR: 1 } },
      { rule: 'class-of-worker-employed', kind: 'contradiction', description: rule('class-of-worker-employed').description, index: 1, id: 'p2', line: 7, values: { ESR: 1, COW: null } },
    ]);
  });
});
