import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { pumsCodebook } from '@persona/census';

/**
 * How one PERSONA attribute value reads as a PUMS code: a code, an explicit
 * "not applicable" (the PUMS blank), or unrecognised (never guessed).
 */
export type LabelMatch = { kind: 'code'; code: number } | { kind: 'blank' } | { kind: 'unrecognised' };

/** A census attribute of PERSONA's persona strings and the PUMS variable it is read into. */
export interface PersonaAttribute {
  /** The key as written in the persona strings (PERSONA paper, Appendix A). */
  readonly key: string;
  /** The PUMS variable the value becomes. */
  readonly variable: string;
  /** Reads one value. */
  match(value: string): LabelMatch;
}

/**
 * A label in comparable form: Unicode-normalised, lower case, curly quotes
 * straightened, every run of characters other than letters and digits one
 * space — so "Bachelor's degree", "bachelor’s Degree" and "BACHELOR'S DEGREE"
 * agree, and so do the 2021 ("Chinese, except Taiwanese, alone") and 2024
 * ("Chinese, except Taiwanese alone") spellings of a PUMS label.
 */
export function normaliseLabel(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019`]/g, "'")
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Words PERSONA writes for "not applicable" (and the PUMS "N/A (…)" labels). */
function isNotApplicable(normalised: string): boolean {
  return (
    normalised === 'not applicable' ||
    normalised === 'na' ||
    normalised === 'n a' ||
    normalised.startsWith('n a ') ||
    normalised === 'not in universe' ||
    normalised === 'too young for employment'
  );
}

/** The 2024 dictionary's value labels of a PUMS variable, normalised → code (ranges and blanks left out). */
function dictionaryLabels(variable: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const value of pumsCodebook().variable(variable).values) {
    if (value.range !== undefined || !/^\d+$/.test(value.code)) continue;
    out.set(normaliseLabel(value.label), Number(value.code));
  }
  return out;
}

/** An attribute read through a label table: dictionary labels plus documented variants. */
function labelled(key: string, variable: string, labels: () => Map<string, number>): PersonaAttribute {
  let table: Map<string, number> | undefined;
  return {
    key,
    variable,
    match(value) {
      const normalised = normaliseLabel(value);
      table ??= labels();
      const code = table.get(normalised);
      if (code !== undefined) return { kind: 'code', code };
      return isNotApplicable(normalised) ? { kind: 'blank' } : { kind: 'unrecognised' };
    },
  };
}

/** Dictionary labels of `variable` plus `variants` (free spellings → code); variants never override a dictionary label. */
function withVariants(variable: string, variants: Readonly<Record<string, number>>): () => Map<string, number> {
  return () => {
    const table = dictionaryLabels(variable);
    for (const [label, code] of Object.entries(variants)) {
      const key = normaliseLabel(label);
      if (!table.has(key)) table.set(key, code);
    }
    return table;
  };
}

const rac2p2021Path = new URL('../../../../data/persona/rac2p_2021_labels.csv', import.meta.url);

/**
 * RAC1P of a 2021-dictionary RAC2P code (2 digits): 01 White, 02 Black,
 * 03–29 American Indian (RAC1P 3), 30–35 Alaska Native (4), 36–37 AIAN not
 * specified (5), 38–59 Asian (6), 60–66 NHPI (7), 67 Some Other Race (8), 68 Two or More (9).
 */
function rac1pOfRac2p2021(code: number): number {
  if (code === 1) return 1;
  if (code === 2) return 2;
  if (code <= 29) return 3;
  if (code <= 35) return 4;
  if (code <= 37) return 5;
  if (code <= 59) return 6;
  if (code <= 66) return 7;
  return code === 67 ? 8 : 9;
}

/**
 * RAC1P of a 2024-dictionary RAC2P code (4 digits): 1xxx White (Middle
 * Eastern and North African included, as in 2024), 3xxx Black, 4xxx Asian,
 * 5xxx American Indian and Alaska Native (RAC1P 5; `race_alone` merges 3–5),
 * 75xx NHPI, 80xx Some Other Race, 9000 Two or More.
 */
function rac1pOfRac2p2024(code: number): number | undefined {
  const group = Math.floor(code / 1000);
  if (group === 1) return 1;
  if (group === 3) return 2;
  if (group === 4) return 6;
  if (group === 5) return 5;
  if (group === 7) return 7;
  if (group === 8) return 8;
  return code === 9000 ? 9 : undefined;
}

/**
 * Race labels → RAC1P: RAC1P labels (2024 dictionary), RAC2P detailed labels
 * of the 2024 dictionary and of the 2021 dictionary (data/persona/rac2p_2021_labels.csv),
 * and the one-word variants PERSONA writes ("White", "Black", "Asian", …).
 */
function raceLabels(): Map<string, number> {
  const table = dictionaryLabels('RAC1P');
  for (const [label, code] of dictionaryLabels('RAC2P')) {
    const rac1p = rac1pOfRac2p2024(code);
    if (rac1p !== undefined && !table.has(label)) table.set(label, rac1p);
  }
  const lines = readFileSync(fileURLToPath(rac2p2021Path), 'utf8').trim().split('\n').slice(1);
  for (const line of lines) {
    const comma = line.indexOf(',');
    const label = normaliseLabel(line.slice(comma + 1).replace(/^"|"$/g, ''));
    if (!table.has(label)) table.set(label, rac1pOfRac2p2021(Number(line.slice(0, comma))));
  }
  const variants: Record<string, number> = {
    White: 1,
    Black: 2,
    'African American': 2,
    'Black or African American': 2,
    'American Indian': 3,
    'Alaska Native': 4,
    'American Indian or Alaska Native': 5,
    'American Indian and Alaska Native': 5,
    'American Indian and Alaska Native alone': 5,
    Asian: 6,
    'Native Hawaiian': 7,
    'Pacific Islander': 7,
    'Native Hawaiian or Other Pacific Islander': 7,
    'Native Hawaiian and Other Pacific Islander': 7,
    'Some Other Race': 8,
    'Other race': 8,
    'Two or More Races': 9,
    'Two or more races alone': 9,
    Multiracial: 9,
  };
  for (const [label, code] of Object.entries(variants)) if (!table.has(normaliseLabel(label))) table.set(normaliseLabel(label), code);
  return table;
}

/** Age in whole years, "34" or "34.0" (PUMS AGEP 0–99); anything else is unrecognised. */
const age: PersonaAttribute = {
  key: 'age',
  variable: 'AGEP',
  match(value) {
    const text = value.trim();
    if (/^\d{1,3}(\.0+)?$/.test(text)) {
      const years = Number(text);
      if (years <= 120) return { kind: 'code', code: Math.min(years, 99) };
    }
    return isNotApplicable(normaliseLabel(text)) ? { kind: 'blank' } : { kind: 'unrecognised' };
  },
};

/**
 * Household language (PUMS HHL) → LANX, the person-level variable of the
 * `language_at_home` recode: "English only" (HHL 1) or "English" → LANX 2
 * (speaks only English); Spanish, other Indo-European, Asian and Pacific
 * Island, other language (HHL 2–5) → LANX 1. PERSONA records the household's
 * language, not the person's: this is the usual proxy, exact for one-person
 * households and for English-only households.
 */
function languageLabels(): Map<string, number> {
  const table = new Map<string, number>();
  for (const [label, hhl] of dictionaryLabels('HHL')) table.set(label, hhl === 1 ? 2 : 1);
  for (const [label, lanx] of dictionaryLabels('LANX')) table.set(label, lanx);
  table.set(normaliseLabel('English'), 2);
  table.set(normaliseLabel('Only English'), 2);
  table.set(normaliseLabel('Speaks only English'), 2);
  return table;
}

/**
 * The census attributes of PERSONA's persona strings that map to a census
 * recode, with the PUMS variable each becomes (persona_attributes.csv in the
 * project's reference notes; PERSONA's values are PUMS labels of the 2019–2021
 * dictionaries, read here through the 2024 dictionary plus the variants listed).
 * The attributes with a PUMS variable but no census margin are in
 * {@link PERSONA_DETAIL_ATTRIBUTES}. Not mapped at all: ancestry, industry,
 * occupation, household type, family presence, place of birth, and the
 * non-census attributes.
 */
export const PERSONA_ATTRIBUTES: readonly PersonaAttribute[] = [
  age,
  labelled('sex', 'SEX', withVariants('SEX', { Man: 1, Woman: 2, M: 1, F: 2 })),
  labelled('race', 'RAC1P', raceLabels),
  labelled(
    'education',
    'SCHL',
    withVariants('SCHL', {
      'No schooling': 1,
      Preschool: 2,
      'Nursery school': 2,
      '12th grade, no diploma': 15,
      'High school diploma': 16,
      'High school graduate': 16,
      'High school': 16,
      GED: 17,
      'Some college': 19,
      'Some college, no degree': 19,
      "Associate degree": 20,
      "Associates degree": 20,
      "Bachelors degree": 21,
      "Bachelor degree": 21,
      "Masters degree": 22,
      "Master degree": 22,
      'Professional degree': 23,
      Doctorate: 24,
      PhD: 24,
    }),
  ),
  labelled(
    'marital status',
    'MAR',
    withVariants('MAR', {
      'Never married': 5,
      Single: 5,
      'Now married': 1,
      'Now married, except separated': 1,
      'Married, spouse present': 1,
      'Married, spouse absent': 1,
    }),
  ),
  labelled(
    'employment status',
    'ESR',
    withVariants('ESR', {
      Employed: 1,
      'Civilian employed': 1,
      'Civilian unemployed': 3,
      'Armed forces': 4,
      'Not in the labor force': 6,
    }),
  ),
  labelled(
    'citizenship',
    'CIT',
    withVariants('CIT', {
      // Labels of the 2019 and earlier dictionaries.
      'Born in Puerto Rico, Guam, the U.S. Virgin Islands, or the Northern Marianas': 2,
      'Born abroad of American parent(s)': 3,
      'Born in the US': 1,
      'Born in the U.S.': 1,
      'Naturalized citizen': 4,
      'Naturalized U.S. citizen': 4,
      'Not a citizen': 5,
      'Non-citizen': 5,
      'Noncitizen': 5,
    }),
  ),
  labelled(
    'veteran status',
    'MIL',
    withVariants('MIL', {
      Veteran: 2,
      'Non-Veteran': 4,
      Nonveteran: 4,
      'Not a veteran': 4,
      'Active duty': 1,
    }),
  ),
  labelled('household language', 'LANX', languageLabels),
  labelled('disability', 'DIS', withVariants('DIS', { 'With disability': 1, Disabled: 1, 'No disability': 2, 'Without disability': 2, None: 2 })),
  labelled(
    'health insurance',
    'HICOV',
    withVariants('HICOV', { 'With health insurance': 1, Insured: 1, 'No health insurance': 2, 'Without health insurance coverage': 2, Uninsured: 2 }),
  ),
];

/**
 * The census recodes a parsed persona file carries (each needs only columns
 * of {@link PERSONA_ATTRIBUTES}). PERSONA has no Hispanic-origin field and no
 * state, so `hispanic_origin`, `race_ethnicity`, `race_hispanic` and
 * `census_region` cannot be derived; `personal_income` is left out because PERSONA's income may not be PINCP (see `income`).
 */
export const PERSONA_RECODES: readonly string[] = [
  'age_group',
  'sex',
  'race_alone',
  'education',
  'marital_status',
  'employment_status',
  'nativity_citizenship',
  'veteran_status',
  'language_at_home',
  'disability',
  'health_insurance',
];

/**
 * Recodes of {@link PERSONA_RECODES} whose universe a persona string cannot
 * place a persona in, mapped to the PUMS variable read as their category.
 * `disability` and `health_insurance` cover the civilian noninstitutionalized
 * population, which `@persona/census` approximates from SERIALNO (household
 * vs group quarters) and ESR (Armed Forces); PERSONA's strings have no
 * household/group-quarters marker, and their employment status is often
 * ambiguous ("Retired", "Student"). Every persona is therefore taken as inside
 * the universe, and the category is the DIS / HICOV code (1/2); the
 * comparison is within the universe, so the margins' code 0 is dropped anyway.
 */
export const PERSONA_UNIVERSE_ASSUMED: Readonly<Record<string, string>> = Object.freeze({ disability: 'DIS', health_insurance: 'HICOV' });

/**
 * How PERSONA's `income` is read: as personal income (PUMS PINCP) or household
 * income (HINCP). PERSONA does not document which it drew (the project's
 * reference notes list it as unresolved): in the release it behaves like
 * household income — minors carry it — yet it is written as a personal
 * attribute, and the PERSONA paper's critics count minors with six-figure
 * incomes as inconsistent. Read as PINCP, the personal-income rules apply
 * (a nonzero income under 15, no six-figure income under 18 and nothing below
 * the −19,998 bottom code, kind `contradiction`; an income of 0 under 15, kind
 * `universe`); read as HINCP, only a
 * value outside HINCP's own range (bottom code −59,999) is a contradiction.
 * PERSONA's `-60000.0` breaks both ranges.
 */
export const PERSONA_INCOME_READINGS = ['pincp', 'hincp'] as const;
export type PersonaIncomeReading = (typeof PERSONA_INCOME_READINGS)[number];

/**
 * PERSONA's `income`: whole dollars written `62000`, `62000.0`, `-60000.0` or
 * `$62,000` (rounded to the dollar); a "not applicable" word is the blank;
 * anything else (a range such as `$50k-60k`) is unrecognised, never guessed.
 * Its PUMS variable is PINCP here; `personaHfFields` files it under HINCP for
 * the household reading (see {@link PERSONA_INCOME_READINGS}). No income
 * margin is compared, since the variable is not known.
 */
const income: PersonaAttribute = {
  key: 'income',
  variable: 'PINCP',
  match(value) {
    const text = value.trim().replace(/^\$/, '').replaceAll(',', '');
    if (/^-?\d+(\.\d+)?$/.test(text)) return { kind: 'code', code: Math.round(Number(text)) };
    return isNotApplicable(normaliseLabel(value)) ? { kind: 'blank' } : { kind: 'unrecognised' };
  },
};

/** An attribute read through the 2024 dictionary's labels of its PUMS variable only. */
function dictionaryOnly(key: string, variable: string): PersonaAttribute {
  return labelled(key, variable, () => dictionaryLabels(variable));
}

/**
 * The attributes of PERSONA's persona strings that have a PUMS variable but
 * no census margin, so `persona check` leaves them out: class of worker
 * (COW), income (PINCP or HINCP, see `income`), fertility (FER: gave birth in the past
 * 12 months), cognitive difficulty (DREM), ability to speak English (ENG),
 * vision difficulty (DEYE) and hearing difficulty (DEAR), each read through
 * the 2024 dictionary's labels (PERSONA writes the PUMS labels). The
 * consistency rules of `@persona/personas` (`persona validate`) read them
 * with {@link PERSONA_ATTRIBUTES}.
 */
export const PERSONA_DETAIL_ATTRIBUTES: readonly PersonaAttribute[] = [
  dictionaryOnly('class of worker', 'COW'),
  income,
  dictionaryOnly('fertility', 'FER'),
  dictionaryOnly('cognitive difficulty', 'DREM'),
  dictionaryOnly('ability to speak english', 'ENG'),
  dictionaryOnly('vision difficulty', 'DEYE'),
  dictionaryOnly('hearing difficulty', 'DEAR'),
];
