import { BIG_FIVE_LABELS, BIG_FIVE_TRAITS } from '@persona/traits';
import { censusLabel } from '../record/census-labels.js';
import type { PersonaRecord } from '../record/persona-record.js';
import { NOT_APPLICABLE } from '../record/procedural-fields.js';
import { withoutPrefix } from './attribute-block.js';

/** The state name of a STATE code ("48" → "Texas"). */
function stateName(code: string | null | undefined): string | undefined {
  const text = code === null || code === undefined ? undefined : censusLabel('STATE', code);
  return text?.replace(/\/[A-Z]{2}$/, '');
}

const EDUCATION_PHRASE: Readonly<Record<string, string>> = {
  '1': 'has not completed any schooling',
  '2': 'is in nursery school or preschool',
  '3': 'has finished kindergarten',
  '16': 'finished high school',
  '17': 'holds a GED',
  '18': 'has some college credit',
  '19': 'has attended college without finishing a degree',
  '20': "holds an associate's degree",
  '21': "holds a bachelor's degree",
  '22': "holds a master's degree",
  '23': 'holds a professional degree',
  '24': 'holds a doctorate',
};

function education(schl: string | null | undefined): string | undefined {
  if (schl === null || schl === undefined) return undefined;
  const phrase = EDUCATION_PHRASE[schl];
  if (phrase !== undefined) return phrase;
  const code = Number(schl);
  if (code >= 4 && code <= 14) return `has completed grade ${code - 3}`;
  return 'reached grade 12 without a diploma';
}

const MARITAL_PHRASE: Readonly<Record<string, string>> = { '1': 'is married', '2': 'is widowed', '3': 'is divorced', '4': 'is separated', '5': 'has never married' };

function work(record: PersonaRecord, pronoun: string): string | undefined {
  const esr = record.census.ESR;
  if (esr === null || esr === undefined) return undefined;
  const occupation = record.census.OCCP ? withoutPrefix(censusLabel('OCCP', record.census.OCCP) ?? '').toLowerCase() : undefined;
  switch (esr) {
    case '1':
    case '2':
      return occupation ? `${pronoun} works in ${occupation}` : `${pronoun} is employed`;
    case '4':
    case '5':
      return `${pronoun} serves in the armed forces`;
    case '3':
      return `${pronoun} is looking for work`;
    default:
      return `${pronoun} is not in the labor force`;
  }
}

/** Dollars with thousands separators (12345 → "12,345"), as en-US writes them. */
function dollars(x: number): string {
  return String(x).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function income(pincp: string | null | undefined): string | undefined {
  if (pincp === null || pincp === undefined) return undefined;
  const x = Number(pincp);
  if (x < 0) return `reported a net loss of $${dollars(Math.abs(x))} last year`;
  if (x === 0) return 'had no personal income last year';
  return `earned $${dollars(x)} last year`;
}

/** The names of the two highest scores, highest first (ties: alphabetical order). */
function topTwo(scores: Readonly<Record<string, number>>): string[] {
  let first: string | undefined;
  let second: string | undefined;
  let firstScore = 0;
  let secondScore = 0;
  for (const name in scores) {
    const score = scores[name]!;
    // `name` ranks above a name with a lower score, or the same score and a later name; anything ranks above none.
    if (first === undefined || score > firstScore || (score === firstScore && name < first)) {
      second = first;
      secondScore = firstScore;
      first = name;
      firstScore = score;
    } else if (second === undefined || score > secondScore || (score === secondScore && name < second)) {
      second = name;
      secondScore = score;
    }
  }
  return first === undefined ? [] : second === undefined ? [first] : [first, second];
}

/** The Big Five labels in lower case, {@link BIG_FIVE_TRAITS} order. */
const TRAIT_NAMES = BIG_FIVE_LABELS.map((label) => label.toLowerCase());
/** Lower-case levels, made once per level text. */
const levelNames = new Map<string, string>();

/** "Personality: high openness, low neuroticism." (levels away from Average), or the all-average sentence. */
function personality(levels: Readonly<Record<string, string>>, he: string): string {
  let marked = '';
  for (let i = 0; i < BIG_FIVE_TRAITS.length; i++) {
    const level = levels[BIG_FIVE_TRAITS[i]!]!;
    if (level === 'Average') continue;
    let name = levelNames.get(level);
    if (name === undefined) {
      name = level.toLowerCase();
      levelNames.set(level, name);
    }
    marked += `${marked === '' ? '' : ', '}${name} ${TRAIT_NAMES[i]!}`;
  }
  return marked === '' ? `${he} is average on all Big Five traits.` : `Personality: ${marked}.`;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The profile's sentences that depend on `record.census` only (age, sex and
 * state; origin, nativity, language; education, work, income, marital
 * status; disability and insurance), so records drawn from one census row can share them.
 */
export function censusSentences(record: PersonaRecord): string {
  const c = record.census;
  const age = Number(c.AGEP);
  const female = c.SEX === '2';
  const he = female ? 'She' : 'He';
  const noun = age < 18 ? (female ? 'girl' : 'boy') : female ? 'woman' : 'man';
  const state = stateName(c.STATE);
  const sentences: string[] = [];
  sentences.push(`A ${age}-year-old ${noun}${state ? ` living in ${state}` : ''}.`);
  const race = c.RAC1P ? censusLabel('RAC1P', c.RAC1P) : undefined;
  const hispanic = c.HISP && c.HISP !== '1' ? `of ${censusLabel('HISP', c.HISP)} origin` : 'not Hispanic';
  const born = c.NATIVITY === '2' ? 'born abroad' : 'born in the United States';
  const language = c.LANX === '1' ? 'speaks a language other than English at home' : c.LANX === '2' ? 'speaks only English at home' : undefined;
  sentences.push(`${he} is ${race ?? 'of unreported race'}, ${hispanic}, ${born}${language ? `, and ${language}` : ''}.`);
  const parts = [education(c.SCHL), work(record, '')?.trim(), income(c.PINCP), c.MAR && age >= 15 ? MARITAL_PHRASE[c.MAR] : undefined].filter(
    (s): s is string => s !== undefined && s !== '',
  );
  if (parts.length > 0) sentences.push(`${he} ${parts.join(', ')}.`);
  const disability = c.DIS === '1' ? 'lives with a disability' : 'has no disability';
  const insurance = c.HICOV === '2' ? 'no health insurance' : 'health insurance';
  sentences.push(`${he} ${disability} and has ${insurance}.`);
  return sentences.join(' ');
}

/**
 * A readable profile paragraph of a persona, from fixed templates (no
 * language model): age, sex and state; race and Hispanic origin, nativity,
 * home language; education, work, income, marital status; disability and
 * health insurance; Big Five levels away from Average; the two
 * highest-scoring Schwartz values; religion and politics (politics left
 * out under 18, where party and ideology are "Not applicable"); hobbies,
 * lifestyle, a quirk and a mannerism. Same record → same text. `census` is
 * the record's {@link censusSentences}, made from `record.census` unless given.
 */
export function profileParagraph(record: PersonaRecord, census: string = censusSentences(record)): string {
  const he = record.census.SEX === '2' ? 'She' : 'He';
  let text = `${census} ${personality(record.bigFiveLevels, he)}`;
  const top = topTwo(record.values);
  if (top.length > 0) text += ` ${he} values ${top.join(' and ')} most.`;
  const b = record.beliefs;
  const i = record.idiosyncrasies;
  // Party and ideology are not defined under 18 (NOT_APPLICABLE): the sentence then names religion only.
  const politics = b.ideology === NOT_APPLICABLE && b.party === NOT_APPLICABLE ? '' : `; politics: ${b.ideology}, ${b.party}`;
  return (
    `${text} Religion: ${b.religion}${politics}. ` +
    `${capitalise(i.personalTime)}; ${i.lifestyle.charAt(0).toLowerCase()}${i.lifestyle.slice(1)}. Quirk: ${i.quirks}. Mannerism: ${i.mannerisms}.`
  );
}
