// Streaming CSV read speed and memory on a Census-style PUMS person file
// (`psam_p*.csv`: ~290 columns, mostly short integers, 80 replicate weights).
// The input is generated once, seeded, into bench/data/ and reused.
// Size: PERSONA_BENCH_CSV_MB (default 1024 = the 1 GB figure the project reports).
// Each measurement runs in a fresh Node process so its peak RSS is its own.
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Rng, streamCsv } from '@persona/core';
import { loadAverage1min, measureAsync } from './timing.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const SEED = 20240101;
const megabytes = Number(process.env.PERSONA_BENCH_CSV_MB ?? 1024);
const dataPath = join(here, 'data', `psam_pbench_${megabytes}mb_seed${SEED}.csv`);

/** The psam_p header: identifiers, ~200 person variables, PWGTP and PWGTP1..80. */
function header() {
  const names = ['RT', 'SERIALNO', 'DIVISION', 'SPORDER', 'PUMA', 'REGION', 'STATE', 'ADJINC', 'PWGTP', 'AGEP', 'CIT', 'CITWP', 'COW', 'DDRS', 'DEAR', 'DEYE', 'DOUT', 'DPHY', 'DRAT', 'DRATX', 'DREM', 'ENG', 'FER', 'GCL', 'GCM', 'GCR', 'HIMRKS', 'HINS1', 'HINS2', 'HINS3', 'HINS4', 'HINS5', 'HINS6', 'HINS7', 'INTP', 'JWMNP', 'JWRIP', 'JWTRNS', 'LANX', 'MAR', 'MARHD', 'MARHM', 'MARHT', 'MARHW', 'MARHYP', 'MIG', 'MIL', 'MLPA', 'MLPB', 'MLPCD', 'MLPE', 'MLPFG', 'MLPH', 'MLPIK', 'MLPJ', 'NWAB', 'NWAV', 'NWLA', 'NWLK', 'NWRE', 'OIP', 'PAP', 'RELSHIPP', 'RETP', 'SCH', 'SCHG', 'SCHL', 'SEMP', 'SEX', 'SSIP', 'SSP', 'WAGP', 'WKHP', 'WKL', 'WKWN', 'WRK', 'YOEP', 'ANC', 'ANC1P', 'ANC2P', 'DECADE', 'DIS', 'DRIVESP', 'ESP', 'ESR', 'FOD1P', 'FOD2P', 'HICOV', 'HISP', 'INDP', 'JWAP', 'JWDP', 'LANP', 'MIGPUMA', 'MIGSP', 'MSP', 'NAICSP', 'NATIVITY', 'NOP', 'OC', 'OCCP', 'PAOC', 'PERNP', 'PINCP', 'POBP', 'POVPIP', 'POWPUMA', 'POWSP', 'PRIVCOV', 'PUBCOV', 'QTRBIR', 'RAC1P', 'RAC2P', 'RAC3P', 'RACAIAN', 'RACASN', 'RACBLK', 'RACNH', 'RACNUM', 'RACPI', 'RACSOR', 'RACWHT', 'RC', 'SCIENGP', 'SCIENGRLP', 'SFN', 'SFR', 'SOCP', 'VPS', 'WAOB'];
  for (let i = 0; names.length < 210; i++) names.push(`F${i}P`);
  names.push('PWGTP0');
  for (let i = 1; i <= 80; i++) names.push(`PWGTP${i}`);
  return names;
}

/** One typical cell: blank (~20%), 1–2 digit code, a weight, or an income. */
function cell(rng, j, names) {
  const name = names[j];
  if (name.startsWith('PWGTP')) return String(1 + rng.int(400));
  const u = rng.uint32() % 100;
  if (u < 20) return '';
  if (u < 75) return String(1 + rng.int(9));
  if (u < 93) return String(10 + rng.int(90));
  return String(rng.int(250000));
}

async function generate(path, bytes) {
  mkdirSync(dirname(path), { recursive: true });
  const names = header();
  const rng = Rng.fromSeed(SEED);
  const temporary = `${path}.partial`;
  const out = createWriteStream(temporary);
  let written = 0;
  const write = (text) => new Promise((resolve) => { written += text.length; if (out.write(text)) resolve(); else out.once('drain', resolve); });
  await write(`${names.join(',')}\n`);
  for (let row = 1; written < bytes; ) {
    let block = '';
    for (let k = 0; k < 2000 && written + block.length < bytes; k++, row++) {
      const fields = new Array(names.length);
      fields[0] = 'P';
      fields[1] = `2024HU${String(row).padStart(7, '0')}`;
      fields[2] = String(1 + rng.int(9));
      fields[3] = String(1 + rng.int(5));
      fields[4] = String(rng.int(100000)).padStart(5, '0');
      fields[5] = String(1 + rng.int(4));
      fields[6] = String(1 + rng.int(56)).padStart(2, '0');
      fields[7] = '1015250';
      for (let j = 8; j < names.length; j++) fields[j] = cell(rng, j, names);
      block += `${fields.join(',')}\n`;
    }
    await write(block);
  }
  await new Promise((resolve, reject) => out.end((error) => (error ? reject(error) : resolve())));
  renameSync(temporary, path);
}

/** Child-process entry: stream the file with a projection, print figures as JSON. */
async function measure(path, projection) {
  let checksum = 0;
  const { wall: seconds, cpu: cpuSeconds, result } = await measureAsync(() => streamCsv(path, {
    columns: projection,
    onRow: (fields) => { checksum += fields.length > 0 ? fields[0].length : 0; },
  }));
  const bytes = statSync(path).size;
  process.stdout.write(JSON.stringify({
    rows: result.nRows, columns: projection ? projection.length : result.names.length, seconds: Number(seconds.toFixed(3)),
    mbPerSecond: Number((bytes / 1e6 / seconds).toFixed(1)),
    // CPU time is less sensitive than wall time to other processes on a shared machine.
    cpuSeconds: Number(cpuSeconds.toFixed(3)), mbPerCpuSecond: Number((bytes / 1e6 / cpuSeconds).toFixed(1)),
    loadAverage1m: loadAverage1min(), peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024), checksum,
  }));
}

const projected10 = ['SERIALNO', 'SPORDER', 'STATE', 'PWGTP', 'AGEP', 'SEX', 'RAC1P', 'HISP', 'SCHL', 'PINCP'];

export async function run() {
  if (!existsSync(dataPath)) {
    process.stderr.write(`generating ${dataPath} (${megabytes} MB, seed ${SEED})…\n`);
    const t = performance.now();
    await generate(dataPath, megabytes * 1e6);
    process.stderr.write(`generated in ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
  }
  const figures = { file: dataPath.slice(here.length + 1), bytes: statSync(dataPath).size, columnsInFile: header().length };
  for (const [label, columns] of [['project10', projected10], ['allColumns', null]]) {
    process.stderr.write(`  streaming ${label}…\n`);
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--measure', dataPath, columns ? columns.join(',') : ''], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (child.status !== 0) throw new Error(`measurement failed: ${child.stderr}`);
    figures[label] = JSON.parse(child.stdout);
  }
  return figures;
}

if (process.argv[2] === '--measure') {
  await measure(process.argv[3], process.argv[4] ? process.argv[4].split(',') : undefined);
}
