// Census layer of @persona/census (imports the BUILT package: run `npx tsc -b` first).
// Figures (wall-clock ms unless stated):
// - cold: a fresh Node process importing the package, then loadPumsSeed (sha256 check, CSV parse,
//   typed columns, data-dictionary parse for column types), imputeHotDeck on the 6,901 CA/TX rows
//   (seed 1) and applyRecodes with all 15 recodes; target: seed + recodes well under 1 s.
// - warm: median of 5 in-process repeats of each step.
// - streamPums: a psam_p-style file of PERSONA_BENCH_PUMS_ROWS rows (default 300,000) built from
//   the seed's rows with 80 seeded replicate weights (119 columns), written once to bench/data/;
//   streamed with all columns in 65,536-row batches in a fresh process (rows/s, peak RSS).
// The machine's 1-minute load average is reported beside the figures.
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Rng } from '@persona/core';
import { REPLICATE_WEIGHTS, applyRecodes, imputeHotDeck, loadPumsSeed, streamPums } from '@persona/census';
import { median, repeat, repeatAsync } from './timing.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const SEED = 20240101;
const ROWS = Number(process.env.PERSONA_BENCH_PUMS_ROWS ?? 300_000);
const dataPath = join(here, 'data', `psam_census_${ROWS}rows_seed${SEED}.csv`);

const COLD = `
const t0 = performance.now();
const census = await import('@persona/census');
const t1 = performance.now();
const seed = await census.loadPumsSeed();
const t2 = performance.now();
const imputed = census.imputeHotDeck(seed, { seed: 1 }).table;
const t3 = performance.now();
census.applyRecodes(imputed);
const t4 = performance.now();
process.stdout.write(JSON.stringify({ importMs: t1 - t0, loadSeedMs: t2 - t1, imputeMs: t3 - t2, recodeMs: t4 - t3, seedAndRecodesMs: t2 - t1 + (t4 - t3), totalMs: t4 - t0 }));
`;

const round = (x) => Number(x.toFixed(1));

/** Median wall-clock milliseconds of `repeats` calls. */
function medianMs(fn, repeats = 5) {
  return round(median(repeat(fn, repeats).wall) * 1000);
}

/** Writes ROWS psam-style rows: the seed's rows in turn, with seeded replicate weights. */
async function generate(seed) {
  mkdirSync(dirname(dataPath), { recursive: true });
  const rng = Rng.fromSeed(SEED).split('census-bench');
  const names = seed.names;
  const columns = names.map((name) => seed.column(name));
  const temporary = `${dataPath}.partial`;
  const out = createWriteStream(temporary);
  const write = (text) => new Promise((resolve) => (out.write(text) ? resolve() : out.once('drain', resolve)));
  await write(`${[...names, ...REPLICATE_WEIGHTS].join(',')}\n`);
  const pwgtp = seed.int('PWGTP').values;
  for (let row = 0; row < ROWS; ) {
    let block = '';
    for (let k = 0; k < 2000 && row < ROWS; k++, row++) {
      const i = row % seed.rowCount;
      const cells = columns.map((c) => (c.kind === 'text' ? c.values[i] : c.blank[i] ? '' : String(c.values[i])));
      for (let r = 0; r < 80; r++) cells.push(String(Math.round(pwgtp[i] * (0.3 + 1.4 * rng.next()))));
      block += `${cells.join(',')}\n`;
    }
    await write(block);
  }
  await new Promise((resolve, reject) => out.end((error) => (error ? reject(error) : resolve())));
  renameSync(temporary, dataPath);
}

/** Child-process entry: stream the file in batches, print figures as JSON. */
async function measure() {
  const started = performance.now();
  let weight = 0;
  let batches = 0;
  const rows = await streamPums(dataPath, {
    onBatch: (batch) => {
      batches++;
      for (const w of batch.int('PWGTP80').values) weight += w;
    },
  });
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(JSON.stringify({
    rows, batches, seconds: Number(seconds.toFixed(3)), rowsPerSecond: Math.round(rows / seconds),
    mbPerSecond: round(statSync(dataPath).size / 1e6 / seconds), peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024), checksum: weight,
  }));
}

export async function run() {
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', COLD], { cwd: here, encoding: 'utf8' });
  if (child.status !== 0) throw new Error(child.stderr);
  const cold = Object.fromEntries(Object.entries(JSON.parse(child.stdout)).map(([k, v]) => [k, round(v)]));

  const loads = await repeatAsync(() => loadPumsSeed(), 5);
  const seed = loads.result;
  let imputed;
  const imputeMs = medianMs(() => {
    imputed = imputeHotDeck(seed, { seed: 1 }).table;
  });
  const recodeMs = medianMs(() => applyRecodes(imputed));

  if (!existsSync(dataPath)) {
    process.stderr.write(`generating ${dataPath} (${ROWS} rows, seed ${SEED})…\n`);
    await generate(seed);
  }
  const streamed = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--measure'], { encoding: 'utf8' });
  if (streamed.status !== 0) throw new Error(streamed.stderr);

  return {
    rows: seed.rowCount,
    loadAverage1m: round(os.loadavg()[0]),
    cold,
    warm: { loadSeedMs: round(median(loads.wall) * 1000), imputeMs, recodeMs },
    streamPums: { file: dataPath.slice(here.length + 1), bytes: statSync(dataPath).size, columns: seed.names.length + 80, ...JSON.parse(streamed.stdout) },
  };
}

if (process.argv[2] === '--measure') await measure();
