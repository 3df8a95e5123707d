import { describe, expect, it } from 'vitest';
import { IDIOSYNCRASY_CATEGORIES, isEligible, loadIdiosyncrasyLists, loadReligionModel, type IdiosyncrasyEntry } from '@persona/traits';
import { drawProceduralFields, embeddedPersonalityModel, placePerson } from './procedural-fields.js';

const lists = loadIdiosyncrasyLists();
const familyOfLabel = new Map(loadReligionModel().categories.map((c) => [c.label, c.family]));
const byText = Object.fromEntries(
  IDIOSYNCRASY_CATEGORIES.map((category) => [category, new Map(lists[category].map((e) => [e.text, e]))]),
) as Record<(typeof IDIOSYNCRASY_CATEGORIES)[number], Map<string, IdiosyncrasyEntry>>;

// Census records coded by hand with the ACS 2024 PUMS data dictionary: a married woman of 40 in New York
// who drives 30 minutes to work, and a 10-year-old boy in Texas (work fields blank: not in universe).
const adult = {
  AGEP: '40', SEX: '2', RAC1P: '1', HISP: '01', SCHL: '21', STATE: '36', ESR: '1', JWTRNS: '01', JWMNP: '30', COW: '1',
  OCCP: '0800', INDP: '6870', WKHP: '40', WKWN: '52', MIL: '4', MAR: '1', LANX: '2', NATIVITY: '1', DIS: '2', DPHY: '2',
  DEYE: '2', DEAR: '2', DREM: '2', FER: '2',
};
const child = {
  AGEP: '10', SEX: '1', RAC1P: '1', HISP: '02', SCHL: '07', STATE: '48', ESR: null, JWTRNS: null, JWMNP: null, COW: null,
  OCCP: null, INDP: null, WKHP: null, WKWN: null, MIL: null, MAR: '5', LANX: '1', NATIVITY: '1', DIS: '2', DPHY: '2',
  DEYE: '2', DEAR: '2', DREM: '2', FER: null,
};

describe('drawProceduralFields: idiosyncrasies follow the drawn religion', () => {
  it.each([
    ['adult', adult],
    ['child', child],
  ])('every entry drawn for a %s fits their census fields and the family of their drawn religion (1,500 personas)', (_, census) => {
    const place = placePerson(census);
    const model = embeddedPersonalityModel();
    let religiousEntries = 0;
    let secularPersonasWithReligiousEntries = 0;
    for (let i = 0; i < 1500; i++) {
      const fields = drawProceduralFields(5, `p${i}`, place, model);
      const family = familyOfLabel.get(fields.beliefs.religion);
      expect(family, fields.beliefs.religion).toBeDefined();
      for (const category of IDIOSYNCRASY_CATEGORIES) {
        const text = fields.idiosyncrasies[category];
        for (const part of text === '' ? [] : text.split('; ')) {
          const entry = byText[category].get(part);
          expect(entry, `${category}: ${part}`).toBeDefined();
          // Regression: the call site drew these without the religion, so an atheist could keep the Sabbath.
          expect(isEligible(entry!.rule, census, family), `${fields.beliefs.religion}: ${part}`).toBe(true);
          if (entry!.rule.religionIn !== null && !entry!.rule.religionIn.has('Religiously Unaffiliated')) {
            religiousEntries++;
            if (family === 'Religiously Unaffiliated') secularPersonasWithReligiousEntries++;
          }
        }
      }
    }
    expect(secularPersonasWithReligiousEntries).toBe(0);
    // The religion reaches the draw: with no family, no religious-practice entry could be drawn at all.
    expect(religiousEntries).toBeGreaterThan(0);
  });
});
