import { describe, expect, it } from 'vitest';
import { consistencyRules } from './consistency-rule.js';
import { validatePersonas, type CheckedRecord } from './validate-personas.js';

type Fields = Record<string, number | null>;

// Hand-made records, coded with the ACS 2024 PUMS data dictionary (the oracle of every case below):
// a 40-year-old employed woman with a bachelor's degree, and a 9-year-old boy in grade 3.
const adult: Fields = {
  AGEP: 40, SEX: 2, MAR: 1, ESR: 1, COW: 1, PINCP: 50000, WAGP: 50000, SCHL: 21, FOD1P: 6200, MIL: 4, FER: 2,
  LANX: 1, ENG: 1, DREM: 2, WKHP: 40, JWTRNS: 1, OCCP: 3255, INDP: 8191, CIT: 4, NATIVITY: 2,
};
const child: Fields = {
  AGEP: 9, SEX: 1, MAR: 5, ESR: null, COW: null, PINCP: null, WAGP: null, SCHL: 6, FOD1P: null, MIL: null, FER: null,
  LANX: 2, ENG: null, DREM: 2, WKHP: null, JWTRNS: null, OCCP: null, INDP: null, CIT: 1, NATIVITY: 1,
};

const record = (fields: Fields): CheckedRecord => ({ fields: (name) => (Object.hasOwn(fields, name) ? fields[name] : undefined) });
const fired = (fields: Fields) => validatePersonas([record(fields)]).map((v) => v.rule);

// Each rule, the smallest change of a clean record that breaks it (and only it).
const cases: [rule: string, base: Fields, change: Fields][] = [
  ['marital-status-under-15', child, { MAR: 1 }],
  ['employment-status-universe', child, { ESR: 6 }],
  ['employment-status-present', adult, { ESR: null, COW: null }],
  ['class-of-worker-universe', { ...child, AGEP: 15, PINCP: 0, WAGP: 0, SCHL: 12 }, { COW: 9 }],
  ['class-of-worker-employed', adult, { COW: 9 }],
  ['income-universe', child, { PINCP: 0 }],
  ['income-present', adult, { PINCP: null }],
  ['income-minor-six-figures', { ...child, AGEP: 17, PINCP: 0, WAGP: 0, SCHL: 14, MIL: 4, ESR: 6 }, { PINCP: 178900 }],
  ['income-range', adult, { PINCP: -60000 }],
  ['wages-universe', child, { WAGP: 0 }],
  ['education-universe', { ...child, AGEP: 2, SCHL: null, LANX: null, DREM: null }, { SCHL: 1 }],
  ['education-grade-1-age', { ...child, AGEP: 3, SCHL: 2, LANX: null, DREM: null }, { SCHL: 4 }],
  ['education-grade-5-age', { ...child, AGEP: 7, SCHL: 5 }, { SCHL: 8 }],
  ['education-grade-9-age', { ...child, AGEP: 11 }, { SCHL: 12 }],
  ['education-high-school-age', { ...child, AGEP: 13 }, { SCHL: 16 }],
  ['education-associate-age', { ...child, AGEP: 15, SCHL: 12, PINCP: 0, WAGP: 0 }, { SCHL: 20 }],
  ['education-bachelor-age', { ...child, AGEP: 16, SCHL: 13, PINCP: 0, WAGP: 0, ESR: 6 }, { SCHL: 21 }],
  ['education-graduate-age', { ...child, AGEP: 18, SCHL: 19, PINCP: 0, WAGP: 0, ESR: 6, MIL: 4, MAR: 5 }, { SCHL: 22 }],
  ['education-doctorate-age', { ...adult, AGEP: 19, SCHL: 22, FER: 2 }, { SCHL: 24 }],
  ['field-of-degree-universe', adult, { SCHL: 19 }],
  ['veteran-status-universe', child, { MIL: 4 }],
  ['fertility-universe-age', { ...adult, AGEP: 60, FER: null }, { FER: 2 }],
  ['fertility-universe-sex', { ...adult, SEX: 1, FER: null }, { FER: 2 }],
  ['language-universe', { ...child, AGEP: 4, SCHL: 3, LANX: null, DREM: null }, { LANX: 2 }],
  ['english-ability-universe', child, { ENG: 1 }],
  ['cognitive-difficulty-universe', { ...child, AGEP: 4, SCHL: 3, LANX: null, DREM: null }, { DREM: 2 }],
  ['hours-worked-universe', child, { WKHP: 10 }],
  ['commute-universe', child, { JWTRNS: 1 }],
  ['occupation-universe', child, { OCCP: 4720 }],
  ['industry-universe', child, { INDP: 5391 }],
  ['nativity-citizenship', child, { NATIVITY: 2 }],
  ['nativity-citizenship-foreign', adult, { NATIVITY: 1 }],
];

describe('consistency rules', () => {
  it('leave the clean records alone', () => {
    expect(fired(adult)).toEqual([]);
    expect(fired(child)).toEqual([]);
  });

  it('have one crafted violation each (every rule of data/personas/rules.json is covered)', () => {
    expect(cases.map(([rule]) => rule).sort()).toEqual(consistencyRules().map((r) => r.id).sort());
  });

  it.each(cases)('%s fires on its violation and only there', (rule, base, change) => {
    expect(fired(base)).toEqual([]);
    expect(fired({ ...base, ...change })).toEqual([rule]);
  });

  it('skips a rule whose fields the record lacks (PERSONA optional attributes)', () => {
    const { MAR: _drop, ...withoutMarital } = { ...child, MAR: 1 };
    expect(fired({ ...child, MAR: 1 })).toEqual(['marital-status-under-15']);
    expect(fired(withoutMarital)).toEqual([]);
  });

  it('reports the record, each rule it breaks and the values read (an employed 9-year-old: no ESR under 16, and no class of worker)', () => {
    const violations = validatePersonas([record(adult), { ...record({ ...child, ESR: 1 }), id: 'p2', line: 7 }]);
    expect(violations).toEqual([
      {
        rule: 'employment-status-universe',
        description: consistencyRules().find((r) => r.id === 'employment-status-universe')!.description,
        index: 1,
        id: 'p2',
        line: 7,
        values: { AGEP: 9, ESR: 1 },
      },
      {
        rule: 'class-of-worker-employed',
        description: consistencyRules().find((r) => r.id === 'class-of-worker-employed')!.description,
        index: 1,
        id: 'p2',
        line: 7,
        values: { ESR: 1, COW: null },
      },
    ]);
  });
});
