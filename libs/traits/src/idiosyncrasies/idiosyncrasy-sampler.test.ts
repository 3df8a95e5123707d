import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError, Rng } from '@persona/core';
import { approxEqual } from '../../test/approx-equal.js';
import { message } from '../messages.js';
import { loadReligionModel } from '../religion/religion-model.js';
import { isEligible } from './eligibility-rule.js';
import {
  IDIOSYNCRASY_CATEGORIES,
  LIST_FILES,
  MIN_LIST_ENTRIES,
  listsDirectory,
  loadIdiosyncrasyLists,
  parseIdiosyncrasyList,
  parseRuleVocabulary,
  type IdiosyncrasyLists,
} from './idiosyncrasy-lists.js';
import { IdiosyncrasySampler, drawIdiosyncrasies } from './idiosyncrasy-sampler.js';
import type { IdiosyncrasyCategory, IdiosyncrasyEntry } from './idiosyncrasy-lists.js';
import { catchInputError } from '../../../../test-support/input-error.js';

const lists = loadIdiosyncrasyLists();
const sampler = new IdiosyncrasySampler(lists);
const readList = (file: string) => JSON.parse(readFileSync(new URL(file, listsDirectory), 'utf8'));
const flags = parseRuleVocabulary(readList('rules.json'), 'rules.json');
const ALL3 = { quirks: 3, mannerisms: 3, hobbies: 3, lifestyle: 3, personalTime: 3 };
const FAMILIES = lists.religionFamilies;
/** A drawn religion family, or none. */
const religionFamily = fc.constantFrom(null, ...FAMILIES);

/**
 * A census record as PUMS writes it: fields blank outside their universes (ESR, JWTRNS, COW, OCCP, INDP,
 * WKHP and WKWN under 16, JWTRNS/JWMNP unless at work away from home, DPHY under 5, MIL under 17, FER for men).
 */
const censusRecord = fc
  .record({
    AGEP: fc.integer({ min: 0, max: 99 }),
    SEX: fc.constantFrom(1, 2),
    ESR: fc.integer({ min: 1, max: 6 }),
    JWTRNS: fc.integer({ min: 1, max: 12 }),
    COW: fc.integer({ min: 1, max: 9 }),
    MIL: fc.integer({ min: 1, max: 4 }),
    MAR: fc.integer({ min: 1, max: 5 }),
    SCHL: fc.integer({ min: 1, max: 24 }),
    LANX: fc.constantFrom(1, 2),
    NATIVITY: fc.constantFrom(1, 2),
    DPHY: fc.constantFrom(1, 2, 2, 2),
    DEYE: fc.constantFrom(1, 2, 2, 2),
    DEAR: fc.constantFrom(1, 2, 2, 2),
    DREM: fc.constantFrom(1, 2, 2, 2),
    FER: fc.constantFrom(1, 2),
    // Education and health-care occupations, dentists (3010), software developers (1021); farming and school industries.
    OCCP: fc.constantFrom(2310, 2545, 2400, 3255, 3603, 3010, 1021),
    INDP: fc.constantFrom(170, 180, 290, 7860),
    JWMNP: fc.integer({ min: 1, max: 200 }),
    WKHP: fc.integer({ min: 1, max: 99 }),
    WKWN: fc.integer({ min: 1, max: 52 }),
  })
  .map((r) => {
    const atWork = r.ESR === 1 || r.ESR === 4;
    return {
      ...r,
      ESR: r.AGEP < 16 ? null : r.ESR,
      JWTRNS: r.AGEP < 16 || !atWork ? null : r.JWTRNS,
      JWMNP: r.AGEP < 16 || !atWork || r.JWTRNS === 11 ? null : r.JWMNP,
      COW: r.AGEP < 16 ? null : r.COW,
      OCCP: r.AGEP < 16 ? null : r.OCCP,
      INDP: r.AGEP < 16 ? null : r.INDP,
      WKHP: r.AGEP < 16 ? null : r.WKHP,
      WKWN: r.AGEP < 16 ? null : r.WKWN,
      MIL: r.AGEP < 17 ? null : r.MIL,
      MAR: r.AGEP < 15 ? 5 : r.MAR,
      SCHL: r.AGEP < 3 ? null : r.SCHL,
      LANX: r.AGEP < 5 ? null : r.LANX,
      DPHY: r.AGEP < 5 ? null : r.DPHY,
      DREM: r.AGEP < 5 ? null : r.DREM,
      FER: r.SEX === 1 || r.AGEP < 15 || r.AGEP > 50 ? null : r.FER,
      DIS: [r.DPHY, r.DEYE, r.DEAR, r.DREM].includes(1) ? 1 : 2,
    };
  });

describe('curated idiosyncrasy lists (data/traits/lists)', () => {
  it('hold at least 150 entries each, with unique ids and texts, and every rule parses', () => {
    for (const category of IDIOSYNCRASY_CATEGORIES) {
      const entries = lists[category];
      expect(entries.length).toBeGreaterThanOrEqual(MIN_LIST_ENTRIES);
      expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
      expect(new Set(entries.map((e) => e.text.toLowerCase())).size).toBe(entries.length);
      // Every rule was parsed by the loader; re-parse the raw file to be sure it is the file on disk.
      expect(parseIdiosyncrasyList(readList(LIST_FILES[category]), category, flags, category).length).toBe(entries.length);
    }
  });

  it('read only PUMS variables that the census seed carries', () => {
    const seed = fileURLToPath(new URL('../../../../data/census/acs2024_1yr_person_us_1in100hh.csv', import.meta.url));
    const columns = readFileSync(seed, 'utf8').slice(0, 400).split('\n')[0]!.split(',');
    const used = new Set<string>();
    for (const category of IDIOSYNCRASY_CATEGORIES) {
      for (const { rule } of lists[category]) for (const c of [...rule.requires, ...rule.excludes]) used.add(c.variable);
    }
    expect(used.size).toBeGreaterThan(5);
    for (const variable of used) expect(columns).toContain(variable);
  });

  it('give no child an entry that requires employment or commuting', () => {
    const working = (category: (typeof IDIOSYNCRASY_CATEGORIES)[number]) =>
      lists[category].filter((e) => e.rule.requires.some((c) => c.variable === 'ESR' || c.variable === 'JWTRNS'));
    const commuteToOffice = working('quirks').find((e) => e.text.startsWith('Decorates the workspace'));
    expect(commuteToOffice).toBeDefined();
    for (let age = 0; age < 16; age++) {
      const child = { AGEP: age, SEX: 1, ESR: null, JWTRNS: null };
      for (const category of IDIOSYNCRASY_CATEGORIES) for (const e of working(category)) expect(isEligible(e.rule, child)).toBe(false);
    }
  });
});

describe('drawIdiosyncrasies', () => {
  it('only ever draws distinct entries whose rules the person and their religion satisfy (property, 400 random census records)', () => {
    fc.assert(
      fc.property(censusRecord, religionFamily, fc.integer(), (person, family, seed) => {
        const drawn = sampler.draw(person, Rng.fromSeed(seed), ALL3, family);
        for (const category of IDIOSYNCRASY_CATEGORIES) {
          const got = drawn[category];
          expect(new Set(got.map((e) => e.id)).size).toBe(got.length);
          for (const entry of got) expect(isEligible(entry.rule, person, family)).toBe(true);
        }
      }),
      { numRuns: 400, seed: 4 },
    );
  });

  it('precompiles eligibility per cell without changing it: cached sets equal a direct filter (property)', () => {
    fc.assert(
      fc.property(censusRecord, religionFamily, (person, family) => {
        const cached = sampler.eligibleIndices(person, family);
        IDIOSYNCRASY_CATEGORIES.forEach((category, c) => {
          const direct = lists[category].flatMap((e, i) => (isEligible(e.rule, person, family) ? [i] : []));
          expect(Array.from(cached[c]!)).toEqual(direct);
        });
      }),
      { numRuns: 500, seed: 5 },
    );
  });

  it('draws the same entries from a person placed once (cellOf + drawInCell) as from draw (property)', () => {
    fc.assert(
      fc.property(censusRecord, religionFamily, fc.integer(), (person, family, seed) => {
        const cell = sampler.cellOf(person);
        expect(sampler.drawInCell(cell, Rng.fromSeed(seed), ALL3, family)).toEqual(sampler.draw(person, Rng.fromSeed(seed), ALL3, family));
        expect(sampler.drawInCell(cell, Rng.fromSeed(seed), undefined, family)).toEqual(drawIdiosyncrasies(person, Rng.fromSeed(seed), undefined, family));
      }),
      { numRuns: 200, seed: 6 },
    );
    expect(() => sampler.drawInCell(sampler.cellOf({ AGEP: 30 }), Rng.fromSeed(1), { gossip: 1 } as never)).toThrow(
      message.unknownCategory('gossip', IDIOSYNCRASY_CATEGORIES),
    );
  });

  it('never gives an 8-year-old an employment-requiring entry, and always has 3 per category for every age and religion', () => {
    for (let seed = 0; seed < 200; seed++) {
      const drawn = sampler.draw({ AGEP: 8, SEX: 2, ESR: null, JWTRNS: null, DPHY: 2 }, Rng.fromSeed(seed), ALL3);
      for (const category of IDIOSYNCRASY_CATEGORIES) {
        for (const e of drawn[category]) expect(e.rule.requires.some((c) => c.variable === 'ESR' || c.variable === 'JWTRNS')).toBe(false);
      }
    }
    for (let age = 0; age <= 99; age++) {
      for (const esr of age < 16 ? [null] : [1, 3, 6]) {
        const person = { AGEP: age, SEX: 1, ESR: esr, JWTRNS: esr === 1 ? 1 : null, DPHY: age < 5 ? null : 1, DEYE: 1, DEAR: 1, DIS: 1 };
        for (const family of [null, ...FAMILIES]) {
          const counts = sampler.eligibleIndices(person, family).map((e) => e.length);
          expect(Math.min(...counts), `age ${age} ESR ${esr} ${family}`).toBeGreaterThanOrEqual(3);
        }
      }
    }
  });

  it('is deterministic and keeps categories independent of each other', () => {
    const person = { AGEP: 45, SEX: 2, ESR: 1, JWTRNS: 11, MAR: 1, DPHY: 2, SCHL: 22 };
    const a = drawIdiosyncrasies(person, Rng.fromSeed(7), ALL3);
    const b = drawIdiosyncrasies(person, Rng.fromSeed(7), ALL3);
    expect(a).toEqual(b);
    // Asking for more hobbies changes nothing in the other categories (each has its own stream).
    const c = drawIdiosyncrasies(person, Rng.fromSeed(7), { ...ALL3, hobbies: 5 });
    expect(c.quirks).toEqual(a.quirks);
    expect(c.lifestyle).toEqual(a.lifestyle);
    expect(c.hobbies.length).toBe(5);
    expect(drawIdiosyncrasies(person, Rng.fromSeed(8), ALL3)).not.toEqual(a);
  });

  it('takes the same draws from the stream whatever the religion, so categories without religion rules do not change', () => {
    const person = { AGEP: 45, SEX: 2, ESR: 1, JWTRNS: 1, JWMNP: 30, MAR: 1, DPHY: 2, SCHL: 22 };
    const quirksHaveReligionRules = lists.quirks.some((e) => e.rule.religionIn !== null || e.rule.religionNotIn.size > 0);
    expect(quirksHaveReligionRules).toBe(false);
    for (let seed = 0; seed < 50; seed++) {
      const catholic = Rng.fromSeed(seed);
      const atheist = Rng.fromSeed(seed);
      const a = sampler.draw(person, catholic, ALL3, 'Catholic');
      const b = sampler.draw(person, atheist, ALL3, 'Religiously Unaffiliated');
      expect(b.quirks).toEqual(a.quirks);
      expect(b.mannerisms).toEqual(a.mannerisms);
      // One 32-bit number per category either way: the stream is left in the same state.
      expect(atheist.uint32()).toBe(catholic.uint32());
    }
  });

  it('rejects a religion family that rules.json does not list', () => {
    expect(() => sampler.draw({ AGEP: 30 }, Rng.fromSeed(1), ALL3, 'Pastafarian')).toThrow(message.unknownReligionFamily('Pastafarian', FAMILIES));
    expect(() => sampler.eligibleIndices({ AGEP: 30 }, 'Evangelical Protestant')).toThrow(InputError);
  });

  it('draws uniformly among eligible entries (n = 30,000, 5 binomial standard errors)', () => {
    // Regression: with only rng.split(category), every call on one stream returned the same entry.
    const person = { AGEP: 1, SEX: 1 };
    const eligible = sampler.eligibleIndices(person)[0]!;
    const counts = new Map<string, number>();
    const rng = Rng.fromSeed('uniform');
    const n = 30_000;
    for (let i = 0; i < n; i++) {
      const [e] = sampler.draw(person, rng, { quirks: 1 }).quirks;
      counts.set(e!.id, (counts.get(e!.id) ?? 0) + 1);
    }
    const p = 1 / eligible.length;
    expect(counts.size).toBe(eligible.length);
    for (const count of counts.values()) approxEqual(count / n, p, { abs: 5 * Math.sqrt((p * (1 - p)) / n) }, 'share');
  });

  it('draws in proportion to weights (one entry weighted 5, n = 40,000)', () => {
    const weighted: IdiosyncrasyLists = {
      ...lists,
      hobbies: lists.hobbies.map((e, i) => (i === 0 ? { ...e, weight: 5 } : e)),
    };
    const s = new IdiosyncrasySampler(weighted);
    const person = { AGEP: 30, SEX: 1, ESR: 6, DPHY: 2, DEYE: 2 };
    const eligible = s.eligibleIndices(person)[2]!;
    expect(eligible[0]).toBe(0);
    // Closed form: P(entry 0) = 5 / (5 + (m − 1)) for one draw among m eligible entries.
    const p = 5 / (5 + eligible.length - 1);
    const rng = Rng.fromSeed('weighted');
    let hits = 0;
    const n = 40_000;
    for (let i = 0; i < n; i++) if (s.draw(person, rng, { hobbies: 1 }).hobbies[0]!.id === lists.hobbies[0]!.id) hits++;
    approxEqual(hits / n, p, { abs: 5 * Math.sqrt((p * (1 - p)) / n) }, 'weighted share');
  });

  it('rejects rules whose cells cannot be keyed exactly (more than 2^53 possible cells)', () => {
    // 60 entries, each requiring code 1 of its own variable: 2^60 class combinations × the age bands.
    const split: IdiosyncrasyLists = {
      ...lists,
      hobbies: lists.hobbies.map((e, i) =>
        i < 60 ? { ...e, rule: { ...e.rule, requires: [{ variable: `X${i}`, codes: new Set([1]) }], excludes: [] } } : e,
      ),
    };
    expect(() => new IdiosyncrasySampler(split)).toThrow(/possible eligibility cells, more than can be keyed exactly/);
  });

  it('returns every eligible entry when fewer are eligible than asked, and rejects bad counts', () => {
    const infant = { AGEP: 0, SEX: 2 };
    const eligible = sampler.eligibleIndices(infant)[3]!.length;
    expect(sampler.draw(infant, Rng.fromSeed(1), { lifestyle: eligible + 10 }).lifestyle.length).toBe(eligible);
    expect(() => sampler.draw(infant, Rng.fromSeed(1), { hobbies: -1 })).toThrow(message.invalidCount('hobbies', -1));
    expect(() => sampler.draw(infant, Rng.fromSeed(1), { hobbies: 1.5 })).toThrow(message.invalidCount('hobbies', 1.5));
    expect(() => sampler.draw(infant, Rng.fromSeed(1), { gossip: 1 } as never)).toThrow(message.unknownCategory('gossip', IDIOSYNCRASY_CATEGORIES));
  });
});

/** The one entry of `category` whose text starts with `prefix`. */
function entry(category: IdiosyncrasyCategory, prefix: string): IdiosyncrasyEntry {
  const found = lists[category].filter((e) => e.text.startsWith(prefix));
  expect(found.map((e) => e.text), `${category}: "${prefix}"`).toHaveLength(1);
  return found[0]!;
}

/** A working adult without disabilities; each case overrides some fields. */
const ADULT = { AGEP: 30, SEX: 1, ESR: 1, JWTRNS: 1, JWMNP: 20, COW: 1, MAR: 5, SCHL: 21, WKHP: 40, WKWN: 52, DPHY: 2, DEYE: 2, DEAR: 2, DREM: 2, DIS: 2 };

describe('rules match their texts (regression: review-traits findings 1 and 2)', () => {
  it('list the religion families of data/traits/religion.json in rules.json', () => {
    // Oracle: the `family` values of the religion model's categories, which beliefs.religion is drawn from.
    const families = new Set(loadReligionModel().categories.map((c) => c.family));
    expect([...FAMILIES].sort()).toEqual([...families].sort());
  });

  // Oracle: the meaning of each text (Bible study is Christian, Shabbat Jewish, Ramadan Muslim, …). These
  // entries used to be drawn whatever the persona's religion: an atheist could study the Bible weekly.
  const CHRISTIAN = ['Protestant', 'Catholic', 'Other Christian'];
  const RELIGIOUS = [...CHRISTIAN, 'Jewish', 'Muslim', 'Buddhist', 'Hindu', 'Other religion'];
  const religious: [IdiosyncrasyCategory, string, string[]][] = [
    ['personalTime', 'Bible study on Tuesday evenings', CHRISTIAN],
    ['personalTime', 'Church choir rehearsal', CHRISTIAN],
    ['personalTime', 'Attending religious services every week', RELIGIOUS],
    ['personalTime', 'Helping at the church or temple kitchen', [...CHRISTIAN, 'Jewish', 'Buddhist', 'Hindu', 'Other religion']],
    ['hobbies', 'Reads the Bible or other scripture daily', RELIGIOUS],
    ['hobbies', 'Sings in the temple or church choir', [...CHRISTIAN, 'Jewish']],
    ['hobbies', 'Plays softball on a church team', CHRISTIAN],
    ['hobbies', 'Plays in the church youth group band', CHRISTIAN],
    ['lifestyle', 'Daily prayers structure the day', RELIGIOUS],
    ['lifestyle', 'Deeply involved in the local congregation', RELIGIOUS],
    ['lifestyle', 'Church on Sunday', CHRISTIAN],
    ['lifestyle', 'Keeps the Sabbath', ['Jewish']],
    ['lifestyle', 'Weekly Shabbat dinner', ['Jewish']],
    ['lifestyle', 'Ramadan fasts', ['Muslim']],
    ['lifestyle', 'Keeps a kosher or halal kitchen', ['Jewish', 'Muslim']],
    ['lifestyle', 'Secular and values-driven', ['Religiously Unaffiliated']],
  ];

  it.each(religious)('%s "%s" goes only to the right religion families', (category, text, families) => {
    const { rule } = entry(category, text);
    const person = { ...ADULT, AGEP: Math.max(rule.minAge, Math.min(ADULT.AGEP, rule.maxAge)) };
    expect(FAMILIES.filter((f) => isEligible(rule, person, f))).toEqual(FAMILIES.filter((f) => families.includes(f)));
    expect(isEligible(rule, person, null)).toBe(false);
  });

  it('never draws a religious practice for an atheist, and draws them for Christians (2,000 draws each)', () => {
    const practices = new Set(religious.filter(([, , f]) => !f.includes('Religiously Unaffiliated')).map(([c, t]) => entry(c, t).id));
    const secular = entry('lifestyle', 'Secular and values-driven').id;
    const many = { quirks: 0, mannerisms: 0, hobbies: 20, lifestyle: 20, personalTime: 20 };
    const seen = { atheist: 0, christian: 0, secularAtheist: 0, secularChristian: 0 };
    const rng = Rng.fromSeed('religion-regression');
    for (let i = 0; i < 2000; i++) {
      const atheist = sampler.draw(ADULT, rng, many, 'Religiously Unaffiliated');
      const christian = sampler.draw(ADULT, rng, many, 'Protestant');
      for (const e of [...atheist.hobbies, ...atheist.lifestyle, ...atheist.personalTime]) {
        if (practices.has(e.id)) seen.atheist++;
        if (e.id === secular) seen.secularAtheist++;
      }
      for (const e of [...christian.hobbies, ...christian.lifestyle, ...christian.personalTime]) {
        if (practices.has(e.id)) seen.christian++;
        if (e.id === secular) seen.secularChristian++;
      }
    }
    expect(seen.atheist).toBe(0);
    expect(seen.secularChristian).toBe(0);
    expect(seen.christian).toBeGreaterThan(0);
    expect(seen.secularAtheist).toBeGreaterThan(0);
  });

  // Oracle: the ACS 2024 PUMS data dictionary (data/census/census_pums_acs1_2024_data_dict.txt): JWTRNS 02 bus,
  // 03-05 rail, 06 ferry, 09 bicycle, 10 walked; JWMNP minutes to work; ESR 1 at work, 3 unemployed, 6 not in
  // the labor force; COW 4 state government, 6 self-employed; OCCP 2310 elementary and middle school teachers,
  // 3255 registered nurses, 3010 dentists, 1021 software developers; INDP 170 crop production, 7860 elementary and
  // secondary schools; WKHP usual hours a week; WKWN weeks worked; SCHL 15 12th grade no diploma, 19 some college.
  type Person = Partial<Record<keyof typeof ADULT | 'OCCP' | 'INDP', number | null>>;
  const cases: [IdiosyncrasyCategory, string, Person[], Person[]][] = [
    ['quirks', 'Arrives at work on a bicycle', [{ JWTRNS: 9 }], [{ JWTRNS: 10 }, { JWTRNS: null, ESR: 6 }]],
    ['lifestyle', 'Bikes to work year-round', [{ JWTRNS: 9 }], [{ JWTRNS: 10 }, { JWTRNS: 1 }]],
    ['lifestyle', 'Commutes by train', [{ JWTRNS: 3 }, { JWTRNS: 4 }, { JWTRNS: 5 }], [{ JWTRNS: 2 }, { JWTRNS: 6 }]],
    ['quirks', 'Memorizes the bus timetable', [{ JWTRNS: 2 }], [{ JWTRNS: 4 }, { JWTRNS: 6 }]],
    ['lifestyle', 'Commutes nearly an hour each way', [{ JWMNP: 45 }, { JWMNP: 60 }], [{ JWMNP: 10 }, { JWMNP: 44 }, { JWTRNS: 11, JWMNP: null }]],
    ['lifestyle', 'Freelancer juggling several clients', [{ COW: 6 }], [{ COW: 6, ESR: 6, JWTRNS: null }, { COW: 7, ESR: 3, JWTRNS: null }, { COW: 1 }]],
    ['lifestyle', 'Runs a small business', [{ COW: 7 }], [{ COW: 7, ESR: 6, JWTRNS: null }]],
    ['lifestyle', 'Public servant with a steady nine-to-five', [{ COW: 4 }], [{ COW: 4, ESR: 6, JWTRNS: null }, { COW: 1 }]],
    ["lifestyle", "Teacher's rhythm", [{ OCCP: 2310 }, { OCCP: 2545 }], [{ OCCP: 1021 }, { OCCP: 2310, ESR: 6, JWTRNS: null }, { OCCP: null }]],
    ['lifestyle', 'Health-care worker with twelve-hour shifts', [{ OCCP: 3255 }], [{ OCCP: 3010 }, { OCCP: 2310 }, { OCCP: 3255, ESR: 6, JWTRNS: null }]],
    ['lifestyle', 'Newlywed', [{ MAR: 1 }, { MAR: 1, AGEP: 40 }], [{ MAR: 1, AGEP: 41 }, { MAR: 5 }]],
    ['lifestyle', 'Full-time caregiver for an aging parent', [{ ESR: 6, JWTRNS: null, AGEP: 60 }], [{ ESR: 6, JWTRNS: null, AGEP: 80 }, { AGEP: 60 }]],
    ['lifestyle', 'Teenager with a weekend job', [{ AGEP: 16 }], [{ AGEP: 16, ESR: 6, JWTRNS: null }, { AGEP: 15, ESR: null, JWTRNS: null }]],
    ['lifestyle', 'Works long hours', [{ WKHP: 55 }], [{ WKHP: 40 }]],
    ['lifestyle', 'Seasonal worker', [{ WKWN: 20 }], [{ WKWN: 52 }]],
    ['lifestyle', 'Farming life', [{ INDP: 170 }], [{ INDP: 7860 }, { INDP: 170, ESR: 6, JWTRNS: null }, { AGEP: 14, ESR: null, JWTRNS: null, INDP: null }]],
    ['lifestyle', 'Student who works part-time', [{ AGEP: 20, WKHP: 20, SCHL: 19 }], [{ AGEP: 20, WKHP: 40, SCHL: 19 }, { AGEP: 20, WKHP: 20, SCHL: 12 }]],
    ['personalTime', 'Working a part-time job after classes', [{ AGEP: 20, WKHP: 20 }], [{ AGEP: 20, WKHP: 40 }]],
    ['lifestyle', 'High-school senior', [{ AGEP: 17, SCHL: 15, ESR: 6, JWTRNS: null }], [{ AGEP: 18, SCHL: 19 }]],
    ['lifestyle', 'Walks everywhere and has never owned a car', [{ JWTRNS: 10 }, { ESR: 6, JWTRNS: null }], [{ JWTRNS: 1 }]],
    ['quirks', 'Keeps the car radio on one station for decades', [{ AGEP: 40 }], [{ AGEP: 30 }]],
  ];

  it.each(cases)('%s "%s" goes to the persons its text describes', (category, text, eligible, ineligible) => {
    const { rule } = entry(category, text);
    for (const p of eligible) expect(isEligible(rule, { ...ADULT, ...p }), JSON.stringify(p)).toBe(true);
    for (const p of ineligible) expect(isEligible(rule, { ...ADULT, ...p }), JSON.stringify(p)).toBe(false);
  });

  it('never draws a bicycle entry for a walker (2,000 draws)', () => {
    const bicycle = new Set([entry('quirks', 'Arrives at work on a bicycle').id, entry('lifestyle', 'Bikes to work year-round').id]);
    const walker = { ...ADULT, JWTRNS: 10 };
    const cyclist = { ...ADULT, JWTRNS: 9 };
    const many = { quirks: 20, mannerisms: 0, hobbies: 0, lifestyle: 20, personalTime: 0 };
    let walkerHits = 0;
    let cyclistHits = 0;
    const rng = Rng.fromSeed('bicycle-regression');
    for (let i = 0; i < 2000; i++) {
      for (const e of Object.values(sampler.draw(walker, rng, many)).flat()) if (bicycle.has(e.id)) walkerHits++;
      for (const e of Object.values(sampler.draw(cyclist, rng, many)).flat()) if (bicycle.has(e.id)) cyclistHits++;
    }
    expect(walkerHits).toBe(0);
    expect(cyclistHits).toBeGreaterThan(0);
  });
});

describe('malformed lists', () => {
  const quirks = () => readList('quirks.json');
  const failure = (mutate: (json: any) => void): InputError =>
    catchInputError(() => {
      const json = quirks();
      mutate(json);
      parseIdiosyncrasyList(json, 'quirks', flags, 'quirks.json');
    });

  it('names the file and field of each mistake', () => {
    expect(failure((j) => (j.entries[1].text = j.entries[0].text)).message).toBe(
      `quirks.json: field "entries[1].text": ${message.duplicateEntry('text', readList('quirks.json').entries[0].text)}`,
    );
    expect(failure((j) => (j.entries[2].id = j.entries[0].id)).message).toContain('field "entries[2].id"');
    expect(failure((j) => (j.entries[0].requires = { isAstronaut: true })).message).toBe(
      `quirks.json: field "entries[0].requires.isAstronaut": ${message.unknownCondition('isAstronaut')}`,
    );
    expect(failure((j) => (j.entries[0].excludes = { DPHY: [1] })).message).toBe(
      `quirks.json: field "entries[0].excludes.DPHY": ${message.codeList('DPHY', [1])}`,
    );
    expect(failure((j) => (j.entries[0].requires = { employed: 'yes' })).message).toContain(message.flagValue('employed', 'yes'));
    expect(failure((j) => Object.assign(j.entries[0], { minAge: 30, maxAge: 20 })).message).toContain(message.ageBounds(30, 20));
    expect(failure((j) => (j.entries[0].minAge = -1)).message).toContain('field "entries[0].minAge"');
    expect(failure((j) => (j.entries[0].maxAge_typo = 3)).message).toContain('field "entries[0].maxAge_typo"');
    expect(failure((j) => (j.entries[0].weight = 0)).message).toContain(message.invalidWeight(0));
    expect(failure((j) => (j.entries = j.entries.slice(0, 149))).message).toContain(message.tooFewEntries('quirks', 149, 150));
    expect(failure((j) => (j.category = 'hobbies')).message).toContain(message.categoryMismatch('hobbies', 'quirks'));
    expect(failure((j) => (j.entries[3].requires = { religionFamily: ['Jedi'] })).message).toBe(
      `quirks.json: field "entries[3].requires.religionFamily": ${message.unknownReligionFamily('Jedi', FAMILIES)}`,
    );
    expect(failure((j) => (j.entries[3].excludes = { JWMNP: ['60..45'] })).message).toBe(
      `quirks.json: field "entries[3].excludes.JWMNP": ${message.emptyCodeRange('JWMNP', '60..45')}`,
    );
  });

  it('reports an unreadable list file by path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lists-'));
    const source = fileURLToPath(listsDirectory);
    for (const file of ['rules.json', ...Object.values(LIST_FILES)]) copyFileSync(join(source, file), join(dir, file));
    expect(loadIdiosyncrasyLists(dir).hobbies.length).toBe(lists.hobbies.length);
    writeFileSync(join(dir, 'hobbies.json'), '{ "category": "hobbies", ');
    expect(() => loadIdiosyncrasyLists(dir)).toThrow(`${join(dir, 'hobbies.json')}: cannot read the JSON data file`);
  });
});
