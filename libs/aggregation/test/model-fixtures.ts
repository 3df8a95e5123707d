import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Comparisons } from '../src/pairwise/comparisons.js';

const here = dirname(fileURLToPath(import.meta.url));

/** Reads a JSON fixture written by test/fixtures/r-models/make-fixtures.R. */
export function readModelFixture<T>(name: string): T {
  return JSON.parse(readFileSync(join(here, 'fixtures', 'r-models', name), 'utf8')) as T;
}

/** `winner,loser,count` lists → {@link Comparisons} with the fixture's item order. */
export function winnerLoserComparisons(
  items: readonly string[],
  winner: readonly string[],
  loser: readonly string[],
  count?: readonly number[],
): Comparisons {
  const index = new Map(items.map((name, i) => [name, i]));
  const id = (name: string) => {
    const i = index.get(name);
    if (i === undefined) throw new Error(`fixture names an unknown item ${name}`);
    return i;
  };
  return {
    items,
    first: Int32Array.from(winner, id),
    second: Int32Array.from(loser, id),
    outcome: new Uint8Array(winner.length),
    count: Float64Array.from(winner, (_, e) => count?.[e] ?? 1),
    ordered: false,
  };
}
