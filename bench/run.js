#!/usr/bin/env node
// Benchmark runner: `node bench/run.js [name-filter]` imports every bench/*.bench.mjs whose
// name contains the filter, awaits its `run()`, and prints ONE JSON document
// `{ "<name>": { ...figures } }` on stdout. Progress goes to stderr.
// Benchmarks import the BUILT packages, so run `npx tsc -b` first (`npm run bench` does).
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2] ?? '';
const names = readdirSync(here)
  .filter((f) => f.endsWith('.bench.mjs'))
  .map((f) => f.slice(0, -'.bench.mjs'.length))
  .filter((name) => name.includes(filter))
  .sort();

const results = {};
for (const name of names) {
  process.stderr.write(`bench ${name}…\n`);
  const started = performance.now();
  const module = await import(pathToFileURL(join(here, `${name}.bench.mjs`)).href);
  results[name] = await module.run();
  process.stderr.write(`bench ${name} done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
