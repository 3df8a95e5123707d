import { BIG_FIVE_LEVELS, BIG_FIVE_TRAITS, formatBigFive, type BigFiveLevel } from '@persona/traits';
import { censusLabel } from '../record/census-labels.js';
import type { PersonaRecord } from '../record/persona-record.js';
import { personaHfAttributes } from '../persona-hf/persona-hf-attributes.js';

/**
 * The value written for a PERSONA key whose census variable the embedded seed
 * lacks (ancestry ANC1P for non-Hispanic persons, household type HHT2,
 * family presence FPARC, place of birth POBP). A reader treats it as absent.
 */
export const NOT_AVAILABLE = 'Not available';

/** A code's dictionary label, or the PUMS N/A label for a blank. */
function label(record: PersonaRecord, variable: string): string {
  const code = record.census[variable];
  return censusLabel(variable, code ?? null) ?? NOT_AVAILABLE;
}

type Getter = (record: PersonaRecord) => string;

/** How to read one PERSONA key off a persona. */
function getter(key: string, pums: string | null): Getter {
  switch (key) {
    case 'age':
      return (r) => r.census.AGEP ?? NOT_AVAILABLE;
    case 'ancestry':
      // The seed has no ANC1P; Hispanic persons' detailed origin (HISP) is their ancestry group.
      return (r) => (r.census.HISP !== null && r.census.HISP !== undefined && r.census.HISP !== '1' ? label(r, 'HISP') : NOT_AVAILABLE);
    case 'household language':
      // PERSONA writes the household's language (HHL); the seed has the person's (LANX).
      return (r) => (r.census.LANX === '2' ? 'English only' : label(r, 'LANX'));
    case 'detailed job description':
      return jobDescription;
    case 'income':
      return (r) => r.census.PINCP ?? 'Not applicable';
    case 'big five scores':
      return bigFiveLine;
    case 'defining quirks':
      return (r) => r.idiosyncrasies.quirks;
    case 'mannerisms':
      return (r) => r.idiosyncrasies.mannerisms;
    case 'personal time':
      return (r) => r.idiosyncrasies.personalTime;
    case 'lifestyle':
      return (r) => r.idiosyncrasies.lifestyle;
    case 'ideology':
      return (r) => r.beliefs.ideology;
    case 'political views':
      return (r) => r.beliefs.party;
    case 'religion':
      return (r) => r.beliefs.religion;
    default:
      return pums === null ? () => NOT_AVAILABLE : (r) => label(r, pums);
  }
}

/** PERSONA's keys that are not census fields (their lines change with every persona, the others with the census row only). */
const PROCEDURAL_KEYS = new Set(['big five scores', 'defining quirks', 'mannerisms', 'personal time', 'lifestyle', 'ideology', 'political views', 'religion']);

/**
 * The block's lines in release order, split at the procedural keys: census
 * lines are rendered once per census object and joined into the runs between
 * the procedural lines (run j ends where procedural line j starts).
 */
interface BlockLayout {
  /** Every line, e.g. `age: 41`. */
  readonly lines: readonly { readonly line: (record: PersonaRecord) => string; readonly census: boolean }[];
  /** The procedural lines: the text before the value (`religion: `) and the value. */
  readonly procedural: readonly { readonly prefix: string; readonly get: Getter }[];
}

let layout: BlockLayout | undefined;

function blockLayout(): BlockLayout {
  const attributes = personaHfAttributes();
  return {
    lines: attributes.map((a) => {
      const get = getter(a.key, a.pums);
      return { line: (r: PersonaRecord) => `${a.key}: ${get(r)}`, census: !PROCEDURAL_KEYS.has(a.key) };
    }),
    procedural: attributes.filter((a) => PROCEDURAL_KEYS.has(a.key)).map((a) => ({ prefix: `${a.key}: `, get: getter(a.key, a.pums) })),
  };
}

/**
 * The census lines of a record's attribute block joined with "\n" into the
 * runs around its procedural lines (procedural count + 1 runs; see
 * {@link attributeBlock}). They depend on `record.census` only, so records
 * drawn from one census row can share them. Each run is made by `join`, a
 * flat string, as it may be kept long.
 */
export function censusLineRuns(record: PersonaRecord): string[] {
  layout ??= blockLayout();
  const lines = layout.lines;
  const runs: string[] = [];
  // A run's parts: '' where a procedural line comes before or after it, so that join puts the "\n" there.
  let parts: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.census) {
      parts.push(lines[i]!.line(record));
    } else {
      parts.push('');
      runs.push(parts.join('\n'));
      parts = [''];
    }
  }
  runs.push(parts.join('\n'));
  return runs;
}

/** Big Five lines by the five level indices (base 5, {@link BIG_FIVE_TRAITS} order), made once each. */
const bigFiveLines: (string | undefined)[] = [];

/** PERSONA's one-line Big Five field of a record (`formatBigFive` of its levels). */
function bigFiveLine(record: PersonaRecord): string {
  let key = 0;
  for (const trait of BIG_FIVE_TRAITS) {
    const level = BIG_FIVE_LEVELS.indexOf(record.bigFiveLevels[trait] as BigFiveLevel);
    if (level < 0) return formatBigFive(BIG_FIVE_TRAITS.map((t) => record.bigFiveLevels[t] as BigFiveLevel));
    key = key * 5 + level;
  }
  return (bigFiveLines[key] ??= formatBigFive(BIG_FIVE_TRAITS.map((t) => record.bigFiveLevels[t] as BigFiveLevel)));
}

/** An occupation or industry label without its three-letter PUMS prefix ("MED-Registered Nurses" → "Registered Nurses"). */
export function withoutPrefix(text: string): string {
  return text.replace(/^[A-Z]{3}-/, '');
}

/**
 * A one-line job description from the occupation and industry labels
 * ("Registered nurses (general medical and surgical hospitals, …)"; "Formerly: …"
 * for a person not at work now). PERSONA's was written by a language model.
 */
function jobDescription(record: PersonaRecord): string {
  const occupation = record.census.OCCP;
  if (occupation === null || occupation === undefined) return 'Not applicable';
  const job = withoutPrefix(label(record, 'OCCP'));
  const industry = withoutPrefix(label(record, 'INDP')).toLowerCase();
  const esr = record.census.ESR;
  const working = esr === '1' || esr === '2' || esr === '4' || esr === '5';
  const text = `${job.charAt(0)}${job.slice(1).toLowerCase()} (${industry})`;
  return working ? text : `Formerly: ${text}`;
}

/**
 * PERSONA's attribute block of a persona: one `key: value` line per key, in
 * the release's key order (data/personas/persona_hf_attributes.json, all 33
 * keys, the optional five included). Census values are the 2024 PUMS
 * dictionary labels (N/A labels for blanks), income is PINCP in dollars or
 * "Not applicable", Big Five as PERSONA's one-line level list. `runs` are
 * the record's {@link censusLineRuns}, made from `record.census` unless given.
 */
export function attributeBlock(record: PersonaRecord, runs: readonly string[] = censusLineRuns(record)): string {
  layout ??= blockLayout();
  const procedural = layout.procedural;
  let out = runs[0]!;
  for (let j = 0; j < procedural.length; j++) out += procedural[j]!.prefix + procedural[j]!.get(record) + runs[j + 1]!;
  return out;
}
