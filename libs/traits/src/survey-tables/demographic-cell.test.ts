import { describe, expect, it } from 'vitest';
import { SURVEY_VARIABLES, codeOf, levelOf } from './demographic-cell.js';

describe('levelOf (Pew categories from PUMS codes)', () => {
  it('maps race and Hispanic origin as Pew does: Hispanic of any race first, then RAC1P', () => {
    // Oracle: ACS 2024 PUMS data dictionary — HISP 01 = Not Spanish/Hispanic/Latino; RAC1P 1 White alone,
    // 2 Black alone, 6 Asian alone, 3/4/5/7/8/9 other single races and two or more races.
    const race = (RAC1P: number, HISP: number) => SURVEY_VARIABLES.race[levelOf({ RAC1P, HISP }, 'race')];
    expect(race(1, 1)).toBe('white');
    expect(race(2, 1)).toBe('black');
    expect(race(6, 1)).toBe('asian');
    expect(race(1, 2)).toBe('hispanic');
    expect(race(2, 24)).toBe('hispanic');
    for (const other of [3, 4, 5, 7, 8, 9]) expect(race(other, 1)).toBe('other');
  });

  it('cuts education at the SCHL codes of a diploma/GED (16-17), some college/associate (18-20), bachelor (21), graduate (22-24)', () => {
    const education = (SCHL: number) => SURVEY_VARIABLES.education[levelOf({ SCHL }, 'education')];
    expect([1, 15, 16, 17].map(education)).toEqual(['hs_or_less', 'hs_or_less', 'hs_or_less', 'hs_or_less']);
    expect([18, 19, 20].map(education)).toEqual(['some_college', 'some_college', 'some_college']);
    expect(education(21)).toBe('college');
    expect([22, 23, 24].map(education)).toEqual(['postgrad', 'postgrad', 'postgrad']);
    expect(levelOf({ SCHL: null }, 'education')).toBe(-1);
  });

  it('puts ages in Pew groups (under 18 is outside) and states in census regions', () => {
    expect([17, 18, 29, 30, 49, 50, 64, 65, 99].map((AGEP) => levelOf({ AGEP }, 'age'))).toEqual([-1, 0, 0, 1, 1, 2, 2, 3, 3]);
    // Oracle: census regions (data dictionary REGION): 36 New York Northeast, 17 Illinois Midwest, 48 Texas South, 6 California West.
    expect(['36', '17', '48', '06', '6'].map((STATE) => SURVEY_VARIABLES.region[levelOf({ STATE }, 'region')])).toEqual(['northeast', 'midwest', 'south', 'west', 'west']);
    expect(levelOf({ STATE: '72' }, 'region')).toBe(-1);
    expect(levelOf({ SEX: 2 }, 'sex')).toBe(1);
  });

  it('reads codes given as numbers or digit strings and treats blanks as missing', () => {
    expect(codeOf({ ESR: '6' }, 'ESR')).toBe(6);
    expect(codeOf({ ESR: 6 }, 'ESR')).toBe(6);
    expect(codeOf({ ESR: '' }, 'ESR')).toBeNull();
    expect(codeOf({ ESR: null }, 'ESR')).toBeNull();
    expect(codeOf({}, 'ESR')).toBeNull();
    expect(codeOf({ ESR: 1.5 }, 'ESR')).toBeNull();
  });
});
