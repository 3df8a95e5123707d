import { describe, expect, it } from 'vitest';
import type { PersonaRecord } from '../record/persona-record.js';
import { attributeBlock, censusLineRuns, NOT_AVAILABLE } from './attribute-block.js';
import { censusSentences, profileParagraph } from './profile-paragraph.js';

// A fixed persona, coded by hand with the ACS 2024 PUMS data dictionary: the first example of
// PERSONA's format notes (a 41-year-old Black woman, registered nurse, divorced).
const nurse: PersonaRecord = {
  id: 'p1',
  weight: 210143.5,
  census: {
    AGEP: '41', SEX: '2', RAC1P: '2', HISP: '1', LANX: '2', ENG: null, SCHL: '21', ESR: '1', COW: '1', INDP: '8191',
    OCCP: '3255', PINCP: '72000', MAR: '3', CIT: '1', NATIVITY: '1', MIL: '4', DIS: '2', HICOV: '1', DREM: '2', DEYE: '2',
    FER: '2', DEAR: '2', STATE: '13',
  },
  recodes: {},
  labels: { census: {} },
  traits: { openness: 0.8, conscientiousness: 1.7, extraversion: 0.1, agreeableness: 0.9, neuroticism: -0.7 },
  bigFiveLevels: { openness: 'High', conscientiousness: 'Extremely High', extraversion: 'Average', agreeableness: 'High', neuroticism: 'Low' },
  values: { benevolence: 1.2, 'self-direction': 0.9, power: -1.1 },
  beliefs: { religion: 'Protestant', ideology: 'Moderate', party: 'Democrat' },
  idiosyncrasies: {
    quirks: 'Keeps a handwritten log of every book she reads',
    mannerisms: 'Taps her pen twice before answering a hard question',
    hobbies: 'Church choir',
    lifestyle: 'Busy but routine-driven',
    personalTime: 'Church choir, weekend hikes with her kids',
  },
  text: { attributes: '', profile: '' },
  provenance: { census: {}, traits: 'procedural', values: 'procedural', beliefs: 'procedural', idiosyncrasies: 'procedural', text: 'procedural' },
};

describe('attribute block', () => {
  it("writes PERSONA's 33 keys in release order with PUMS labels", () => {
    // Expected block written by hand from PERSONA's format notes (keys and order) and the
    // 2024 PUMS dictionary labels of the codes above; keys the seed cannot fill say NOT_AVAILABLE.
    expect(attributeBlock(nurse)).toBe(
      [
        'age: 41',
        'sex: Female',
        'race: Black or African American alone',
        `ancestry: ${NOT_AVAILABLE}`,
        'household language: English only',
        "education: Bachelor's degree",
        'employment status: Civilian employed, at work',
        'class of worker: Employee of a private for-profit company or business, or of an individual, for wages, salary, or commissions',
        'industry category: MED-General Medical And Surgical Hospitals, And Specialty (Except Psychiatric And Substance Abuse) Hospitals',
        'occupation category: MED-Registered Nurses',
        'detailed job description: Registered nurses (general medical and surgical hospitals, and specialty (except psychiatric and substance abuse) hospitals)',
        'income: 72000',
        'marital status: Divorced',
        `household type: ${NOT_AVAILABLE}`,
        `family presence and age: ${NOT_AVAILABLE}`,
        `place of birth: ${NOT_AVAILABLE}`,
        'citizenship: Born in the United States',
        'veteran status: Never served in the military',
        'disability: Without a disability',
        'health insurance: With health insurance coverage',
        'big five scores: Openness: High, Conscientiousness: Extremely High, Extraversion: Average, Agreeableness: High, Neuroticism: Low',
        'defining quirks: Keeps a handwritten log of every book she reads',
        'mannerisms: Taps her pen twice before answering a hard question',
        'personal time: Church choir, weekend hikes with her kids',
        'lifestyle: Busy but routine-driven',
        'ideology: Moderate',
        'political views: Democrat',
        'religion: Protestant',
        'cognitive difficulty: No',
        'ability to speak english: N/A (less than 5 years old/speaks only English)',
        'vision difficulty: No',
        'fertility: No',
        'hearing difficulty: No',
      ].join('\n'),
    );
  });

  it('writes a Hispanic persona\'s origin as ancestry and "Not applicable" for a child\'s income and job', () => {
    const child = { ...nurse, census: { ...nurse.census, AGEP: '9', HISP: '2', PINCP: null, OCCP: null, INDP: null, ESR: null } };
    const block = attributeBlock(child).split('\n');
    expect(block).toContain('ancestry: Mexican');
    expect(block).toContain('income: Not applicable');
    expect(block).toContain('detailed job description: Not applicable');
    expect(block).toContain('employment status: N/A (less than 16 years old)');
  });
});

describe('census text shared by the records of one census row', () => {
  it('gives the same block and paragraph as rendering the record alone', () => {
    // The assembler renders the census part once per frame row and reuses it for every persona drawn
    // from that row; a record with other procedural fields must read exactly as if rendered from scratch.
    const other: PersonaRecord = {
      ...nurse,
      bigFiveLevels: { openness: 'Low', conscientiousness: 'Average', extraversion: 'Extremely Low', agreeableness: 'Average', neuroticism: 'High' },
      values: { power: 2, achievement: 1.5 },
      beliefs: { religion: 'Catholic', ideology: 'Conservative', party: 'Republican' },
    };
    expect(attributeBlock(other, censusLineRuns(nurse))).toBe(attributeBlock(other));
    expect(profileParagraph(other, censusSentences(nurse))).toBe(profileParagraph(other));
    expect(attributeBlock(other)).toContain('\nbig five scores: Openness: Low, Conscientiousness: Average, Extraversion: Extremely Low, Agreeableness: Average, Neuroticism: High\n');
    expect(profileParagraph(other)).toContain(' Personality: low openness, extremely low extraversion, high neuroticism. She values power and achievement most.');
  });
});

describe('profile paragraph', () => {
  it('renders the fixed persona from the templates', () => {
    // Hand-checked against the templates of profileParagraph (state 13 = Georgia in the PUMS dictionary).
    expect(profileParagraph(nurse)).toBe(
      'A 41-year-old woman living in Georgia. ' +
        'She is Black or African American alone, not Hispanic, born in the United States, and speaks only English at home. ' +
        "She holds a bachelor's degree, works in registered nurses, earned $72,000 last year, is divorced. " +
        'She has no disability and has health insurance. ' +
        'Personality: high openness, extremely high conscientiousness, high agreeableness, low neuroticism. ' +
        'She values benevolence and self-direction most. ' +
        'Religion: Protestant; politics: Moderate, Democrat. ' +
        'Church choir, weekend hikes with her kids; busy but routine-driven. Quirk: Keeps a handwritten log of every book she reads. Mannerism: Taps her pen twice before answering a hard question.',
    );
  });
});

describe('profile paragraph of a child', () => {
  it('names religion only: party and ideology are "Not applicable" under 18', () => {
    // Used to end "Religion: Catholic; politics: Not applicable, Not applicable." for an infant.
    const infant: PersonaRecord = {
      ...nurse,
      census: { AGEP: '0', SEX: '1', RAC1P: '1', HISP: '1', NATIVITY: '1', CIT: '1', DIS: '2', HICOV: '1', STATE: '13' },
      beliefs: { religion: 'Catholic', ideology: 'Not applicable', party: 'Not applicable' },
    };
    const text = profileParagraph(infant);
    expect(text).toContain('A 0-year-old boy living in Georgia. ');
    expect(text).toContain(' Religion: Catholic. Church choir,');
    expect(text).not.toContain('politics');
  });
});
