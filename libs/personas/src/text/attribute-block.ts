import { formatBigFive, type BigFiveLevel, BIG_FIVE_TRAITS } from '@persona/traits';
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

/** The value of one PERSONA key for a persona. */
function attributeValue(record: PersonaRecord, key: string): string {
  const census = record.census;
  switch (key) {
    case 'age':
      return census.AGEP ?? NOT_AVAILABLE;
    case 'ancestry':
      // The seed has no ANC1P; Hispanic persons' detailed origin (HISP) is their ancestry group.
      return census.HISP !== null && census.HISP !== undefined && census.HISP !== '1' ? label(record, 'HISP') : NOT_AVAILABLE;
    case 'household language':
      // PERSONA writes the household's language (HHL); the seed has the person's (LANX).
      return census.LANX === '2' ? 'English only' : label(record, 'LANX');
    case 'detailed job description':
      return jobDescription(record);
    case 'income':
      return census.PINCP === null || census.PINCP === undefined ? 'Not applicable' : census.PINCP;
    case 'big five scores':
      return formatBigFive(BIG_FIVE_TRAITS.map((t) => record.bigFiveLevels[t] as BigFiveLevel));
    case 'defining quirks':
      return record.idiosyncrasies.quirks;
    case 'mannerisms':
      return record.idiosyncrasies.mannerisms;
    case 'personal time':
      return record.idiosyncrasies.personalTime;
    case 'lifestyle':
      return record.idiosyncrasies.lifestyle;
    case 'ideology':
      return record.beliefs.ideology;
    case 'political views':
      return record.beliefs.party;
    case 'religion':
      return record.beliefs.religion;
    default: {
      const attribute = personaHfAttributes().find((a) => a.key === key);
      return attribute?.pums ? label(record, attribute.pums) : NOT_AVAILABLE;
    }
  }
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
 * "Not applicable", Big Five as PERSONA's one-line level list.
 */
export function attributeBlock(record: PersonaRecord): string {
  return personaHfAttributes()
    .map((attribute) => `${attribute.key}: ${attributeValue(record, attribute.key)}`)
    .join('\n');
}
