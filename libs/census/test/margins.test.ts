import { describe, expect, it, beforeAll } from 'vitest';
import { DEFAULT_BALANCING_VARIABLES, DEFAULT_RAKING_VARIABLES, defaultRakingMargins, loadDefaultMargins, recodes } from '@persona/census';
import { estimateOf, readAcsProfile, type AcsRow } from './acs-table.js';
import { expectApproxEqual } from '../../../test-support/approx-equal.js';

// Oracle: the ACS 2022 1-year data-profile exports as published on data.census.gov
// (data/census/ACSDP1Y2022.DP0{2,3,5}-*.csv), read row by row; not the tidy
// us_national_margins.json that the margins were derived from.
const TOTAL = 333_287_562;
let dp02: AcsRow[];
let dp03: AcsRow[];
let dp05: AcsRow[];
beforeAll(async () => {
  dp02 = await readAcsProfile('ACSDP1Y2022.DP02-2024-03-02T185128.csv');
  dp03 = await readAcsProfile('ACSDP1Y2022.DP03-2024-03-02T185055.csv');
  dp05 = await readAcsProfile('ACSDP1Y2022.DP05-2024-03-02T185027.csv');
});

const margins = loadDefaultMargins();

describe('loadDefaultMargins', () => {
  it('has the CONTRACTS.md form, total = ACS 2022 total population (DP05)', () => {
    expect(margins.total).toBe(TOTAL);
    expect(estimateOf(dp05, 'SEX AND AGE', 'Total population')).toBe(TOTAL);
  });

  it('keys every block by a recode name with exactly its category codes', () => {
    for (const [name, block] of Object.entries(margins.margins)) {
      expect(Object.keys(block).sort(), name).toEqual(Object.keys(recodes[name].categories).sort());
    }
  });

  it('makes every count block sum to the total, out-of-universe counts included; census_region holds shares', () => {
    for (const [name, block] of Object.entries(margins.margins)) {
      const sum = Object.values(block).reduce((a, b) => a + b, 0);
      if (name === 'census_region') expectApproxEqual(sum, 1, 1e-12, name);
      else expect(sum, name).toBe(TOTAL);
    }
  });

  it('matches DP05: age groups, sex, race alone, Hispanic origin and race', () => {
    const ages = ['Under 5 years', '5 to 9 years', '10 to 14 years', '15 to 19 years', '20 to 24 years', '25 to 34 years', '35 to 44 years',
      '45 to 54 years', '55 to 59 years', '60 to 64 years', '65 to 74 years', '75 to 84 years', '85 years and over'];
    ages.forEach((label, i) => expect(margins.margins.age_group[String(i + 1)], label).toBe(estimateOf(dp05, 'SEX AND AGE', label)));
    expect(margins.margins.sex).toEqual({ '1': estimateOf(dp05, 'SEX AND AGE', 'Male'), '2': estimateOf(dp05, 'SEX AND AGE', 'Female') });
    const races = ['White', 'Black or African American', 'American Indian and Alaska Native', 'Asian', 'Native Hawaiian and Other Pacific Islander', 'Some Other Race'];
    races.forEach((label, i) => expect(margins.margins.race_alone[String(i + 1)], label).toBe(estimateOf(dp05, 'RACE', label)));
    expect(margins.margins.race_alone['7']).toBe(estimateOf(dp05, 'RACE', 'Two or More Races'));
    expect(margins.margins.hispanic_origin['1']).toBe(estimateOf(dp05, 'HISPANIC OR LATINO AND RACE', 'Hispanic or Latino (of any race)'));
    expect(margins.margins.race_ethnicity['1']).toBe(estimateOf(dp05, 'HISPANIC OR LATINO AND RACE', 'Hispanic or Latino (of any race)'));
    const nonHispanic = ['White alone', 'Black or African American alone', 'American Indian and Alaska Native alone', 'Asian alone',
      'Native Hawaiian and Other Pacific Islander alone', 'Some Other Race alone', 'Two or More Races'];
    nonHispanic.forEach((label, i) => expect(margins.margins.race_ethnicity[String(i + 2)], label).toBe(estimateOf(dp05, 'HISPANIC OR LATINO AND RACE', label)));
  });

  it('race_hispanic: not Hispanic cells are DP05 rows; Hispanic cells are DP05 race alone − not Hispanic of that race', () => {
    // Oracle: the DP05 export's "RACE" and "HISPANIC OR LATINO AND RACE" rows (B03002 cells by difference).
    const races = ['White', 'Black or African American', 'American Indian and Alaska Native', 'Asian', 'Native Hawaiian and Other Pacific Islander', 'Some Other Race'];
    const nonHispanicLabels = [...races.map((race) => `${race} alone`), 'Two or More Races'];
    const block = margins.margins.race_hispanic;
    nonHispanicLabels.forEach((label, i) => {
      const notHispanic = estimateOf(dp05, 'HISPANIC OR LATINO AND RACE', label);
      const raceAlone = estimateOf(dp05, 'RACE', i < 6 ? races[i] : 'Two or More Races');
      expect(block[String(i + 1)], label).toBe(notHispanic);
      expect(block[String(i + 8)], `Hispanic ${label}`).toBe(raceAlone - notHispanic);
      expect(block[String(i + 8)], `Hispanic ${label}`).toBeGreaterThanOrEqual(0);
    });
    const hispanic = Object.entries(block).filter(([code]) => Number(code) >= 8).reduce((sum, [, count]) => sum + count, 0);
    expect(hispanic).toBe(estimateOf(dp05, 'HISPANIC OR LATINO AND RACE', 'Hispanic or Latino (of any race)'));
    expect(Object.values(block).reduce((a, b) => a + b, 0)).toBe(estimateOf(dp05, 'HISPANIC OR LATINO AND RACE', 'Total population'));
  });

  it('race_hispanic collapses exactly to race_alone, hispanic_origin and race_ethnicity (so raking on it alone loses nothing)', () => {
    // Oracle: the three published blocks (each checked against DP05 above); the collapse follows B03002's layout.
    const block = margins.margins.race_hispanic;
    for (let race = 1; race <= 7; race++) {
      expect(block[String(race)] + block[String(race + 7)], `race ${race}`).toBe(margins.margins.race_alone[String(race)]);
      expect(block[String(race)], `race ${race}`).toBe(margins.margins.race_ethnicity[String(race + 1)]);
    }
    const notHispanic = [1, 2, 3, 4, 5, 6, 7].reduce((sum, race) => sum + block[String(race)], 0);
    expect(notHispanic).toBe(margins.margins.hispanic_origin['2']);
  });

  it('defaultRakingMargins: every block but the margins of race_hispanic and the two civilian-noninstitutionalized blocks, same total', () => {
    const raking = defaultRakingMargins();
    expect(raking.total).toBe(TOTAL);
    expect(Object.keys(raking.margins)).toEqual([...DEFAULT_RAKING_VARIABLES]);
    const left = Object.keys(margins.margins).filter((name) => !DEFAULT_RAKING_VARIABLES.includes(name));
    expect(left.sort()).toEqual(['disability', 'health_insurance', 'hispanic_origin', 'race_alone', 'race_ethnicity']);
    for (const name of DEFAULT_RAKING_VARIABLES) expect(raking.margins[name], name).toEqual(margins.margins[name]);
  });

  it('DEFAULT_BALANCING_VARIABLES: the raking blocks, then disability and health_insurance, all blocks of the embedded margins', () => {
    // disability and health_insurance are balanced on, not raked on: their universe (civilian noninstitutionalized)
    // does not match the recodes' (civilian household population); see data/census/README.md.
    expect(DEFAULT_BALANCING_VARIABLES).toEqual([...DEFAULT_RAKING_VARIABLES, 'disability', 'health_insurance']);
    for (const name of DEFAULT_BALANCING_VARIABLES) expect(Object.hasOwn(margins.margins, name), name).toBe(true);
  });

  it('matches DP02: education 25+, marital status 15+ (male + female), citizenship, veterans, language 5+', () => {
    const edu = ['Less than 9th grade', '9th to 12th grade, no diploma', 'High school graduate (includes equivalency)', 'Some college, no degree',
      "Associate's degree", "Bachelor's degree", 'Graduate or professional degree'];
    edu.forEach((label, i) => expect(margins.margins.education[String(i + 1)], label).toBe(estimateOf(dp02, 'EDUCATIONAL ATTAINMENT', label)));
    expect(margins.margins.education['0']).toBe(TOTAL - estimateOf(dp02, 'EDUCATIONAL ATTAINMENT', 'Population 25 years and over'));
    const marital = ['Never married', 'Now married, except separated', 'Separated', 'Widowed', 'Divorced'];
    marital.forEach((label, i) =>
      expect(margins.margins.marital_status[String(i + 1)], label).toBe(estimateOf(dp02, 'MARITAL STATUS', label, 0) + estimateOf(dp02, 'MARITAL STATUS', label, 1)),
    );
    const over15 = estimateOf(dp02, 'MARITAL STATUS', 'Males 15 years and over') + estimateOf(dp02, 'MARITAL STATUS', 'Females 15 years and over');
    expect(margins.margins.marital_status['0']).toBe(TOTAL - over15);
    expect(margins.margins.nativity_citizenship).toEqual({
      '1': estimateOf(dp02, 'PLACE OF BIRTH', 'Native'),
      '2': estimateOf(dp02, 'U.S. CITIZENSHIP STATUS', 'Naturalized U.S. citizen'),
      '3': estimateOf(dp02, 'U.S. CITIZENSHIP STATUS', 'Not a U.S. citizen'),
    });
    const civilians = estimateOf(dp02, 'VETERAN STATUS', 'Civilian population 18 years and over');
    const veterans = estimateOf(dp02, 'VETERAN STATUS', 'Civilian veterans');
    expect(margins.margins.veteran_status).toEqual({ '0': TOTAL - civilians, '1': veterans, '2': civilians - veterans });
    expect(margins.margins.language_at_home).toEqual({
      '0': TOTAL - estimateOf(dp02, 'LANGUAGE SPOKEN AT HOME', 'Population 5 years and over'),
      '1': estimateOf(dp02, 'LANGUAGE SPOKEN AT HOME', 'English only'),
      '2': estimateOf(dp02, 'LANGUAGE SPOKEN AT HOME', 'Language other than English'),
    });
  });

  it('matches DP03: employment status 16+', () => {
    const section = 'EMPLOYMENT STATUS';
    expect(margins.margins.employment_status).toEqual({
      '0': TOTAL - estimateOf(dp03, section, 'Population 16 years and over'),
      '1': estimateOf(dp03, section, 'Employed'),
      '2': estimateOf(dp03, section, 'Unemployed'),
      '3': estimateOf(dp03, section, 'Armed Forces'),
      '4': estimateOf(dp03, section, 'Not in labor force'),
    });
  });

  it('matches DP02 disability status and DP03 health insurance coverage of the civilian noninstitutionalized population', () => {
    // Oracle: DP02 "DISABILITY STATUS OF THE CIVILIAN NONINSTITUTIONALIZED POPULATION" (328,309,810; with a
    // disability 44,146,764) and DP03 "HEALTH INSURANCE COVERAGE" (with coverage 301,941,990; none 26,367,820).
    const disabilitySection = 'DISABILITY STATUS OF THE CIVILIAN NONINSTITUTIONALIZED POPULATION';
    const universe = estimateOf(dp02, disabilitySection, 'Total Civilian Noninstitutionalized Population');
    const disabled = estimateOf(dp02, disabilitySection, 'With a disability');
    expect(margins.margins.disability).toEqual({ '0': TOTAL - universe, '1': disabled, '2': universe - disabled });
    const insurance = 'HEALTH INSURANCE COVERAGE';
    expect(estimateOf(dp03, insurance, 'Civilian noninstitutionalized population')).toBe(universe);
    expect(margins.margins.health_insurance).toEqual({
      '0': TOTAL - universe,
      '1': estimateOf(dp03, insurance, 'With health insurance coverage'),
      '2': estimateOf(dp03, insurance, 'No health insurance coverage'),
    });
    // The out-of-universe count: the institutionalized and the Armed Forces, 1.49% of the total population.
    expect(margins.margins.disability['0']).toBe(4_977_752);
    expect(DEFAULT_RAKING_VARIABLES).not.toContain('disability');
    expect(DEFAULT_RAKING_VARIABLES).not.toContain('health_insurance');
  });

  it('gives census regions as ACS 2024 shares (S0101 state sums: South 132,665,693 of 340,110,990)', () => {
    // Oracle: the census README's headline numbers (ACS 2024 1-year S0101 summed over states).
    expectApproxEqual(margins.margins.census_region['3'], 132_665_693 / 340_110_990, 1e-12, 'South share');
    expectApproxEqual(margins.margins.census_region['1'], 57_832_935 / 340_110_990, 1e-12, 'Northeast share');
  });
});
