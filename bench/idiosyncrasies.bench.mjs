// Religion + politics + 3 entries of each curated list (eligibility by census fields and the drawn
// religion's family) for 100,000 census persons, each persona with
// its own per-attribute streams (personaStream), as persona assembly will call them.
// Persons: rows of the embedded ACS 2024 PUMS seed drawn with replacement (seeded).
// Imports the BUILT package: run `npx tsc -b` first.
import { readFileSync } from 'node:fs';
import { Rng } from '@persona/core';
import {
  loadReligionModel,
  loadPoliticsModel,
  drawReligion,
  drawPolitics,
  IdiosyncrasySampler,
  personaStream,
} from '@persona/traits';

const N = 100_000;
const FIELDS = ['AGEP', 'SEX', 'RAC1P', 'HISP', 'SCHL', 'ESR', 'JWTRNS', 'JWMNP', 'COW', 'OCCP', 'INDP', 'WKHP', 'WKWN', 'MIL', 'MAR', 'LANX', 'NATIVITY', 'DIS', 'DPHY', 'DEYE', 'DEAR', 'DREM', 'FER'];

function persons() {
  const lines = readFileSync(new URL('../data/census/acs2024_1yr_person_us_1in100hh.csv', import.meta.url), 'utf8').trimEnd().split('\n');
  const header = lines[0].split(',');
  const idx = FIELDS.map((f) => header.indexOf(f));
  const state = header.indexOf('STATE');
  const rows = lines.slice(1).map((line) => {
    const cells = line.split(',');
    const person = { STATE: cells[state] };
    FIELDS.forEach((f, j) => (person[f] = cells[idx[j]] === '' ? null : Number(cells[idx[j]])));
    return person;
  });
  // Rows without the 26 CA/TX columns lack ESR etc.; they are valid census persons with blanks.
  const rng = Rng.fromSeed('bench-idiosyncrasies');
  return Array.from({ length: N }, () => rows[rng.int(rows.length)]);
}

export async function run() {
  const people = persons();
  const religion = loadReligionModel();
  const politics = loadPoliticsModel();
  const sampler = new IdiosyncrasySampler();
  const counts = { quirks: 3, mannerisms: 3, hobbies: 3, lifestyle: 3, personalTime: 3 };
  const times = [];
  let checksum = 0;
  for (let rep = 0; rep < 5; rep++) {
    const t0 = performance.now();
    for (let i = 0; i < N; i++) {
      const p = people[i];
      const r = drawReligion(religion, p, personaStream(1, i, 'religion'));
      const v = drawPolitics(politics, p, personaStream(1, i, 'politics'));
      const d = sampler.draw(p, personaStream(1, i, 'idiosyncrasies'), counts, r.family);
      checksum += r.id.length + (v ? v.party.id.length : 0) + d.hobbies.length + d.quirks.length;
    }
    times.push(performance.now() - t0);
  }
  // Breakdown (warm): the per-persona stream construction alone, then each generator on shared streams.
  const time = (f) => {
    const t = performance.now();
    for (let i = 0; i < N; i++) f(people[i], i);
    return Math.round(performance.now() - t);
  };
  const shared = { r: Rng.fromSeed(2).split('religion'), p: Rng.fromSeed(2).split('politics'), i: Rng.fromSeed(2).split('idio') };
  const streamsMs = time((_, i) => {
    personaStream(1, i, 'religion');
    personaStream(1, i, 'politics');
    personaStream(1, i, 'idiosyncrasies');
  });
  const families = people.map((p) => drawReligion(religion, p, shared.r).family);
  const religionPoliticsMs = time((p) => {
    drawReligion(religion, p, shared.r);
    drawPolitics(politics, p, shared.p);
  });
  const idiosyncrasiesMs = time((p, i) => sampler.draw(p, shared.i, counts, families[i]));
  return {
    personas: N,
    entriesPerCategory: 3,
    msReligionPoliticsIdiosyncrasies: Math.round(Math.min(...times)),
    msPerRepetition: times.map((t) => Math.round(t)),
    msBreakdown: { perPersonaStreams: streamsMs, religionAndPolitics: religionPoliticsMs, idiosyncrasies15Entries: idiosyncrasiesMs },
    eligibilityCells: sampler.cellCount,
    checksum,
  };
}
