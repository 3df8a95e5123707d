// Census layer of @persona/census (imports the BUILT package: run `npx tsc -b` first).
// Figures (wall-clock ms) on the embedded ACS 2024 PUMS seed (34,415 persons × 39 columns):
// - cold: a fresh Node process importing the package, then loadPumsSeed (sha256 check, CSV parse,
//   typed columns, data-dictionary parse for column types), imputeHotDeck on the 6,901 CA/TX rows
//   (seed 1) and applyRecodes with all 15 recodes; target: seed + recodes well under 1 s.
// - warm: median of 5 in-process repeats of each step.
import { spawnSync } from 'node:child_process';
import { applyRecodes, imputeHotDeck, loadPumsSeed } from '@persona/census';

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
process.stdout.write(JSON.stringify({ importMs: t1 - t0, loadSeedMs: t2 - t1, imputeMs: t3 - t2, recodeMs: t4 - t3, totalMs: t4 - t0 }));
`;

const round = (x) => Number(x.toFixed(1));

function median(fn, repeats = 5) {
  const times = [];
  for (let r = 0; r < repeats; r++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return round(times[Math.floor(times.length / 2)]);
}

export async function run() {
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', COLD], { cwd: new URL('.', import.meta.url), encoding: 'utf8' });
  if (child.status !== 0) throw new Error(child.stderr);
  const cold = Object.fromEntries(Object.entries(JSON.parse(child.stdout)).map(([k, v]) => [k, round(v)]));

  const loads = [];
  let seed;
  for (let r = 0; r < 5; r++) {
    const t = performance.now();
    seed = await loadPumsSeed();
    loads.push(performance.now() - t);
  }
  loads.sort((a, b) => a - b);
  let imputed;
  const imputeMs = median(() => {
    imputed = imputeHotDeck(seed, { seed: 1 }).table;
  });
  const recodeMs = median(() => applyRecodes(imputed));
  return {
    rows: seed.rowCount,
    recipients: 6901,
    cold,
    warm: { loadSeedMs: round(loads[2]), imputeMs, recodeMs },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) process.stdout.write(`${JSON.stringify(await run(), null, 2)}\n`);
