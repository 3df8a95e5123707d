// Persona generation benchmarks for @persona/personas (imports the BUILT packages: run `npx tsc -b` first).
// Targets (issue #4): 100,000 personas (census draw + traits + text) in ≤ 3 s; 1,000,000 streamed to
// disk without holding them in memory; zero consistency violations in 100,000 personas.
// Figures: milliseconds (wall and CPU), bytes, counts. Output files go to bench/data/ (gitignored).
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatePersonas, loadCensusFrame, validatePersonaFile, validatePersonas, writePersonas } from '@persona/personas';
import { measure, measureAsync } from './timing.mjs';

const here = dirname(fileURLToPath(import.meta.url));

/** Wall-clock and CPU milliseconds of one (sync or async) call, rounded, and its result. */
const inMs = ({ wall, cpu, result }) => ({ ms: Math.round(wall * 1000), cpuMs: Math.round(cpu * 1000), result });
const timed = (fn) => inMs(measure(fn));
const timedAsync = async (fn) => inMs(await measureAsync(fn));

const censusCode = (value) => (value === null || value === undefined ? value : /^-?\d+$/.test(value) ? Number(value) : undefined);

export async function run() {
  const frame = await timedAsync(() => loadCensusFrame());
  const out = { frameMs: frame.ms, frameRows: frame.result.table.rowCount, frameExcluded: frame.result.excluded.length };

  // 100,000 personas in memory: census draw + traits + values + beliefs + idiosyncrasies + text (no I/O).
  // Split in two: the census draw (generatePersonas: raking-weighted balanced sample) and the assembly
  // of the records as the iterator reaches them (traits, values, beliefs, idiosyncrasies, text).
  let drawMs = 0;
  const gen = timed(() => {
    let textChars = 0;
    const t = performance.now();
    const { personas } = generatePersonas(frame.result, { n: 100_000, seed: 1 });
    drawMs = performance.now() - t;
    for (const p of personas) textChars += p.text.attributes.length + p.text.profile.length;
    return textChars;
  });
  out.generate100kMs = gen.ms;
  out.generate100kCpuMs = gen.cpuMs;
  out.censusDraw100kMs = Math.round(drawMs);
  out.assemble100kMs = gen.ms - Math.round(drawMs);
  out.meanTextChars = Math.round(gen.result / 100_000);
  // The same 100,000 again, each checked against the consistency rules (timed apart: not part of the target).
  const checked = timed(() => {
    let violations = 0;
    for (const p of generatePersonas(frame.result, { n: 100_000, seed: 1 }).personas) {
      violations += validatePersonas([{ fields: (f) => censusCode(p.census[f]) }]).length;
    }
    return violations;
  });
  out.generateAndValidate100kMs = checked.ms;
  out.violations100k = checked.result;

  // 1,000,000 personas streamed to disk as .jsonl (one at a time; atomic write), then re-validated from disk.
  const dir = join(here, 'data');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'personas-1m.jsonl');
  const heapBefore = process.memoryUsage().heapUsed;
  let peakHeap = heapBefore;
  const sampler = setInterval(() => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }, 50);
  const write = await timedAsync(() => writePersonas(file, generatePersonas(frame.result, { n: 1_000_000, seed: 1 }).personas, 'jsonl'));
  clearInterval(sampler);
  out.stream1mMs = write.ms;
  out.stream1mCpuMs = write.cpuMs;
  out.stream1mBytes = statSync(file).size;
  out.stream1mPeakHeapGrowthMB = Math.round((peakHeap - heapBefore) / 2 ** 20);
  const check = await timedAsync(() => validatePersonaFile(file, 'jsonl'));
  out.validate1mMs = check.ms;
  out.violations1m = check.result.violations.length;
  out.validated1m = check.result.personas;
  rmSync(file);
  return out;
}
