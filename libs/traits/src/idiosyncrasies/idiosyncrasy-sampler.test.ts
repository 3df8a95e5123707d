import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError, Rng } from '@persona/core';
import { approxEqual } from '../../test/approx-equal.js';
import { message } from '../messages.js';
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

const lists = loadIdiosyncrasyLists();
const sampler = new IdiosyncrasySampler(lists);
const readList = (file: string) => JSON.parse(readFileSync(new URL(file, listsDirectory), 'utf8'));
const flags = parseRuleVocabulary(readList('rules.json'), 'rules.json');
const ALL3 = { quirks: 3, mannerisms: 3, hobbies: 3, lifestyle: 3, personalTime: 3 };

/** A census record as PUMS writes it: fields blank outside their universes (ESR and JWTRNS under 16, DPHY under 5, MIL under 17, FER for men). */
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
  })
  .map((r) => {
    const atWork = r.ESR === 1 || r.ESR === 4;
    return {
      ...r,
      ESR: r.AGEP < 16 ? null : r.ESR,
      JWTRNS: r.AGEP < 16 || !atWork ? null : r.JWTRNS,
      COW: r.AGEP < 16 ? null : r.COW,
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
    const commuteToOffice = working('quirks').find((e) => e.text.startsWith('Decorates the office desk'));
    expect(commuteToOffice).toBeDefined();
    for (let age = 0; age < 16; age++) {
      const child = { AGEP: age, SEX: 1, ESR: null, JWTRNS: null };
      for (const category of IDIOSYNCRASY_CATEGORIES) for (const e of working(category)) expect(isEligible(e.rule, child)).toBe(false);
    }
  });
});

describe('drawIdiosyncrasies', () => {
  it('only ever draws distinct entries whose rules the person satisfies (property, 400 random census records)', () => {
    fc.assert(
      fc.property(censusRecord, fc.integer(), (person, seed) => {
        const drawn = sampler.draw(person, Rng.fromSeed(seed), ALL3);
        for (const category of IDIOSYNCRASY_CATEGORIES) {
          const got = drawn[category];
          expect(new Set(got.map((e) => e.id)).size).toBe(got.length);
          for (const entry of got) expect(isEligible(entry.rule, person)).toBe(true);
        }
      }),
      { numRuns: 400, seed: 4 },
    );
  });

  it('precompiles eligibility per cell without changing it: cached sets equal a direct filter (property)', () => {
    fc.assert(
      fc.property(censusRecord, (person) => {
        const cached = sampler.eligibleIndices(person);
        IDIOSYNCRASY_CATEGORIES.forEach((category, c) => {
          const direct = lists[category].flatMap((e, i) => (isEligible(e.rule, person) ? [i] : []));
          expect(Array.from(cached[c]!)).toEqual(direct);
        });
      }),
      { numRuns: 500, seed: 5 },
    );
  });

  it('draws the same entries from a person placed once (cellOf + drawInCell) as from draw (property)', () => {
    fc.assert(
      fc.property(censusRecord, fc.integer(), (person, seed) => {
        const cell = sampler.cellOf(person);
        expect(sampler.drawInCell(cell, Rng.fromSeed(seed), ALL3)).toEqual(sampler.draw(person, Rng.fromSeed(seed), ALL3));
        expect(sampler.drawInCell(cell, Rng.fromSeed(seed))).toEqual(drawIdiosyncrasies(person, Rng.fromSeed(seed)));
      }),
      { numRuns: 200, seed: 6 },
    );
    expect(() => sampler.drawInCell(sampler.cellOf({ AGEP: 30 }), Rng.fromSeed(1), { gossip: 1 } as never)).toThrow(
      message.unknownCategory('gossip', IDIOSYNCRASY_CATEGORIES),
    );
  });

  it('never gives an 8-year-old an employment-requiring entry, and always has 3 per category for every age', () => {
    for (let seed = 0; seed < 200; seed++) {
      const drawn = sampler.draw({ AGEP: 8, SEX: 2, ESR: null, JWTRNS: null, DPHY: 2 }, Rng.fromSeed(seed), ALL3);
      for (const category of IDIOSYNCRASY_CATEGORIES) {
        for (const e of drawn[category]) expect(e.rule.requires.some((c) => c.variable === 'ESR' || c.variable === 'JWTRNS')).toBe(false);
      }
    }
    for (let age = 0; age <= 99; age++) {
      for (const esr of age < 16 ? [null] : [1, 3, 6]) {
        const person = { AGEP: age, SEX: 1, ESR: esr, JWTRNS: esr === 1 ? 1 : null, DPHY: age < 5 ? null : 1, DEYE: 1, DEAR: 1, DIS: 1 };
        const counts = sampler.eligibleIndices(person).map((e) => e.length);
        expect(Math.min(...counts), `age ${age} ESR ${esr}`).toBeGreaterThanOrEqual(3);
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

  it('returns every eligible entry when fewer are eligible than asked, and rejects bad counts', () => {
    const infant = { AGEP: 0, SEX: 2 };
    const eligible = sampler.eligibleIndices(infant)[3]!.length;
    expect(sampler.draw(infant, Rng.fromSeed(1), { lifestyle: eligible + 10 }).lifestyle.length).toBe(eligible);
    expect(() => sampler.draw(infant, Rng.fromSeed(1), { hobbies: -1 })).toThrow(message.invalidCount('hobbies', -1));
    expect(() => sampler.draw(infant, Rng.fromSeed(1), { hobbies: 1.5 })).toThrow(message.invalidCount('hobbies', 1.5));
    expect(() => sampler.draw(infant, Rng.fromSeed(1), { gossip: 1 } as never)).toThrow(message.unknownCategory('gossip', IDIOSYNCRASY_CATEGORIES));
  });
});

describe('malformed lists', () => {
  const quirks = () => readList('quirks.json');
  function failure(mutate: (json: any) => void): InputError {
    const json = quirks();
    mutate(json);
    try {
      parseIdiosyncrasyList(json, 'quirks', flags, 'quirks.json');
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      return error as InputError;
    }
    throw new Error('expected an InputError');
  }

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
