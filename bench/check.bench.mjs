// `persona check` benchmark (imports the BUILT packages: run `npx tsc -b` first).
// Target (issue #3): 1,000,000 rows × 12 census variables with 1,000 noise draws in ≤ 2 s.
// Two seeded inputs are written once to bench/data/ as CSV:
//   - recoded: the 12 variables of the embedded ACS 2022 margins as category codes (age_group …
//     census_region), so the check reads them as they are;
//   - pums: the 12 raw PUMS columns the recodes read (AGEP, SEX, RAC1P, HISP, SCHL, MAR, ESR, CIT, MIL,
//     LANX, STATE, DIS), with PUMS blanks outside universes, so the check derives the 12 recodes.
// For each, "core" times `checkSampleFile` in-process (read CSV + derive recodes + checkRepresentativeness
// against the embedded margins, 1,000 noise draws; median of 3 after a warm-up), and "cli" times the whole
// `persona check --sample … --noise-draws 1000 --json` in a fresh process (median of 3; Node start-up included).
// On a shared machine the process CPU time (cpuSeconds) is the steadier figure; the load average is recorded.
// Standalone: `node bench/check.bench.mjs` prints the JSON.
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Rng } from '@persona/core';
import { checkSampleFile } from '../apps/cli/dist/commands/check.js';
import { median, repeatAsync } from './timing.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const SEED = 20260303;
const ROWS = Number(process.env.PERSONA_BENCH_CHECK_ROWS ?? 1_000_000);
const DRAWS = 1000;
const STATES = [1, 2, 4, 5, 6, 8, 9, 10, 11, 12, 13, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 44, 45, 46, 47, 48, 49, 50, 51, 53, 54, 55, 56];

/** A draw from shares (cumulative search). */
function pick(rng, cumulative) {
  const u = rng.next();
  let k = 0;
  while (k < cumulative.length - 1 && u >= cumulative[k]) k++;
  return k;
}
const cumulate = (shares) => {
  const total = shares.reduce((a, b) => a + b, 0);
  let acc = 0;
  return shares.map((x) => (acc += x / total));
};

/** One person as raw PUMS codes (blank '' outside a variable's universe), roughly US-shaped. */
function pumsRow(rng) {
  const age = rng.int(96);
  const sex = 1 + rng.int(2);
  const rac1p = 1 + pick(rng, RAC1P);
  const hisp = rng.next() < 0.19 ? 2 + rng.int(23) : 1;
  const schl = age < 3 ? '' : age < 25 ? String(1 + rng.int(Math.min(24, age - 2))) : String(1 + pick(rng, SCHL));
  const mar = age < 15 ? 5 : 1 + pick(rng, MAR);
  const esr = age < 16 ? '' : String(1 + pick(rng, ESR));
  const cit = 1 + pick(rng, CIT);
  const mil = age < 17 ? '' : String(1 + pick(rng, MIL));
  const lanx = age < 5 ? '' : String(1 + pick(rng, LANX));
  const state = String(STATES[rng.int(STATES.length)]).padStart(2, '0');
  const dis = 1 + pick(rng, DIS);
  return [age, sex, rac1p, String(hisp).padStart(2, '0'), schl, mar, esr, cit, mil, lanx, state, dis];
}
const RAC1P = cumulate([61, 12, 0.6, 0.1, 0.5, 6, 0.2, 8, 11.6]);
const SCHL = cumulate([1, 0.2, 0.2, 0.3, 0.3, 0.3, 0.3, 0.4, 0.8, 0.3, 1.2, 0.8, 0.9, 1, 1.6, 22, 4, 6, 13, 9, 21, 10, 2.5, 1.8]);
const MAR = cumulate([48, 6, 11, 2, 33]);
const ESR = cumulate([58, 2, 3.5, 0.4, 0.1, 36]);
const CIT = cumulate([84, 1, 2, 7, 6]);
const MIL = cumulate([0.4, 6, 1, 92.6]);
const LANX = cumulate([22, 78]);
const DIS = cumulate([14, 86]);
const PUMS_HEADER = ['AGEP', 'SEX', 'RAC1P', 'HISP', 'SCHL', 'MAR', 'ESR', 'CIT', 'MIL', 'LANX', 'STATE', 'DIS'];

/** The same person as the 12 recodes of the embedded margins (category codes). */
function recodedRow(p) {
  const [age, sex, rac1p, hispText, schlText, mar, esrText, cit, milText, lanxText, state] = p;
  const hisp = Number(hispText);
  const lower = [0, 5, 10, 15, 20, 25, 35, 45, 55, 60, 65, 75, 85];
  let ageGroup = 0;
  while (ageGroup < lower.length && age >= lower[ageGroup]) ageGroup++;
  const raceAlone = [0, 1, 2, 3, 3, 3, 4, 5, 6, 7][rac1p];
  const schl = Number(schlText);
  const education = age < 25 ? 0 : schl <= 11 ? 1 : schl <= 15 ? 2 : schl <= 17 ? 3 : schl <= 19 ? 4 : schl === 20 ? 5 : schl === 21 ? 6 : 7;
  const marital = age < 15 ? 0 : [0, 2, 4, 5, 3, 1][mar];
  const esr = Number(esrText);
  const employment = age < 16 ? 0 : esr <= 2 ? 1 : esr === 3 ? 2 : esr <= 5 ? 3 : 4;
  const nativity = cit <= 3 ? 1 : cit === 4 ? 2 : 3;
  const mil = Number(milText);
  const veteran = age < 18 || mil === 1 ? 0 : mil === 2 ? 1 : 2;
  const language = age < 5 ? 0 : Number(lanxText) === 2 ? 1 : 2;
  const s = Number(state);
  const region = [9, 23, 25, 33, 44, 50, 34, 36, 42].includes(s) ? 1 : [17, 18, 26, 39, 55, 19, 20, 27, 29, 31, 38, 46].includes(s) ? 2 : [4, 8, 16, 30, 32, 35, 49, 56, 2, 6, 15, 41, 53].includes(s) ? 4 : 3;
  return [ageGroup, sex, raceAlone, hisp === 1 ? 2 : 1, hisp === 1 ? 1 + raceAlone : 1, education, marital, employment, nativity, veteran, language, region];
}
const RECODED_HEADER = ['age_group', 'sex', 'race_alone', 'hispanic_origin', 'race_ethnicity', 'education', 'marital_status', 'employment_status', 'nativity_citizenship', 'veteran_status', 'language_at_home', 'census_region'];

/** Writes both CSVs once (seeded), through temporary files renamed into place. */
async function generate(pumsPath, recodedPath) {
  mkdirSync(dirname(pumsPath), { recursive: true });
  const rng = Rng.fromSeed(SEED);
  const pums = createWriteStream(`${pumsPath}.tmp`);
  const recoded = createWriteStream(`${recodedPath}.tmp`);
  const write = (stream, text) => (stream.write(text) ? undefined : new Promise((r) => stream.once('drain', r)));
  await write(pums, `${PUMS_HEADER.join(',')}\n`);
  await write(recoded, `${RECODED_HEADER.join(',')}\n`);
  let a = [];
  let b = [];
  for (let i = 0; i < ROWS; i++) {
    const p = pumsRow(rng);
    a.push(p.join(','));
    b.push(recodedRow(p).join(','));
    if (a.length === 10_000 || i === ROWS - 1) {
      await write(pums, `${a.join('\n')}\n`);
      await write(recoded, `${b.join('\n')}\n`);
      a = [];
      b = [];
    }
  }
  await Promise.all([new Promise((r) => pums.end(r)), new Promise((r) => recoded.end(r))]);
  renameSync(`${pumsPath}.tmp`, pumsPath);
  renameSync(`${recodedPath}.tmp`, recodedPath);
}

async function timeCore(path, repeats = 3) {
  const options = { noiseDraws: DRAWS, seed: 1 };
  await checkSampleFile(path, options); // warm-up
  const { wall, cpu, result: run } = await repeatAsync(() => checkSampleFile(path, options), repeats);
  return { seconds: median(wall), bestSeconds: Math.min(...wall), cpuSeconds: median(cpu), n: run.result.n, variables: Object.keys(run.result.variables).length, derived: run.derived.length, meanTvd: run.result.meanTvd };
}

/** CPU seconds of this process's waited-for children (Linux /proc/self/stat cutime + cstime), or NaN elsewhere. */
function childrenCpuSeconds() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100; // clock ticks (USER_HZ = 100)
  } catch {
    return NaN;
  }
}

function timeCli(path, repeats = 3) {
  const bin = join(here, '..', 'apps', 'cli', 'bin', 'persona.js');
  const wall = [];
  const cpu = [];
  for (let r = 0; r < repeats; r++) {
    const c0 = childrenCpuSeconds();
    const t = performance.now();
    const child = spawnSync(process.execPath, [bin, 'check', '--sample', path, '--noise-draws', String(DRAWS), '--json'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    wall.push((performance.now() - t) / 1000);
    cpu.push(childrenCpuSeconds() - c0);
    if (child.status !== 0) throw new Error(`persona check exited ${child.status}: ${child.stderr}`);
  }
  return { seconds: median(wall), bestSeconds: Math.min(...wall), cpuSeconds: median(cpu) };
}

export async function run() {
  const dataDir = join(here, 'data');
  const pumsPath = join(dataDir, `check-pums-${ROWS}-seed${SEED}.csv`);
  const recodedPath = join(dataDir, `check-recoded-${ROWS}-seed${SEED}.csv`);
  if (!existsSync(pumsPath) || !existsSync(recodedPath)) await generate(pumsPath, recodedPath);
  const recoded = { core: await timeCore(recodedPath), cli: timeCli(recodedPath) };
  const pums = { core: await timeCore(pumsPath), cli: timeCli(pumsPath) };
  return {
    rows: ROWS,
    variables: 12,
    noiseDraws: DRAWS,
    targetSeconds: 2,
    recoded,
    pums,
    machine: { cpus: os.cpus().length, node: process.version, loadAverage: os.loadavg()[0] },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) process.stdout.write(`${JSON.stringify(await run(), null, 2)}\n`);
