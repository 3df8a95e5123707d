import { regionOfState } from '@persona/census';

/**
 * The census fields of one person that the trait generators read: PUMS
 * person variables by name (`AGEP`, `SEX`, `RAC1P`, `HISP`, `SCHL`, `STATE`,
 * `ESR`, `DPHY`, …) with their integer codes (`STATE` may be a string such as
 * `"06"`); a PUMS blank (not in universe) is `null` or absent.
 */
export type CensusPerson = Readonly<Record<string, number | string | null | undefined>>;

/** The demographic variables of the survey tables, each with its levels. */
export const SURVEY_VARIABLES = {
  age: ['18-29', '30-49', '50-64', '65+'],
  race: ['white', 'black', 'asian', 'hispanic', 'other'],
  education: ['hs_or_less', 'some_college', 'college', 'postgrad'],
  region: ['northeast', 'midwest', 'south', 'west'],
  sex: ['male', 'female'],
} as const;

/** A variable of the survey tables. */
export type SurveyVariable = keyof typeof SURVEY_VARIABLES;

/** A person's integer code for `variable`, or null when blank or not an integer. */
export function codeOf(person: CensusPerson, variable: string): number | null {
  const value = person[variable];
  if (typeof value === 'number') return Number.isInteger(value) ? value : null;
  if (value === null || value === undefined || value === '') return null;
  const code = typeof value === 'number' ? value : Number(value);
  return Number.isInteger(code) ? code : null;
}

/**
 * The level index (into `SURVEY_VARIABLES[variable]`) of a person, following
 * Pew's categories: age groups 18–29/30–49/50–64/65+ (−1 under 18); race and
 * ethnicity with Hispanic origin first (HISP ≠ 1), then RAC1P white (1),
 * black (2), Asian (6), other (any other race, including two or more races);
 * education from SCHL (≤ 17 high school or less, 18–20 some college or
 * associate's, 21 bachelor's, 22–24 postgraduate); census region of STATE;
 * SEX 1 male, 2 female. Returns −1 when the field is blank or out of range.
 */
export function levelOf(person: CensusPerson, variable: SurveyVariable): number {
  switch (variable) {
    case 'age': {
      const age = codeOf(person, 'AGEP');
      if (age === null || age < 18) return -1;
      return age < 30 ? 0 : age < 50 ? 1 : age < 65 ? 2 : 3;
    }
    case 'race': {
      const hisp = codeOf(person, 'HISP');
      const rac1p = codeOf(person, 'RAC1P');
      if (hisp === null || rac1p === null) return -1;
      if (hisp !== 1) return 3;
      return rac1p === 1 ? 0 : rac1p === 2 ? 1 : rac1p === 6 ? 2 : 4;
    }
    case 'education': {
      const schl = codeOf(person, 'SCHL');
      if (schl === null || schl < 1 || schl > 24) return -1;
      return schl <= 17 ? 0 : schl <= 20 ? 1 : schl === 21 ? 2 : 3;
    }
    case 'region': {
      const state = person.STATE;
      if (state === null || state === undefined) return -1;
      try {
        return regionOfState(String(state)) - 1;
      } catch {
        return -1;
      }
    }
    case 'sex': {
      const sex = codeOf(person, 'SEX');
      return sex === 1 ? 0 : sex === 2 ? 1 : -1;
    }
  }
}
