import { readFileSync } from 'node:fs';
import { Rng } from '@persona/core';
import { comparisonsFromRows, type ComparisonRow } from '../src/pairwise/read-comparisons.js';
import type { Comparisons } from '../src/pairwise/comparisons.js';

/** Reads a committed R fixture (written by test/fixtures/r-bt/make-fixtures.R). */
export function rFixture<T = any>(name: string): T {
  return JSON.parse(readFileSync(new URL(`./fixtures/r-bt/${name}`, import.meta.url), 'utf8')) as T;
}

/** The fixture's `comparisons` rows (R's snake_case item_a/item_b) as {@link Comparisons}. */
export function fixtureComparisons(rows: Array<Record<string, string | number>>): Comparisons {
  return comparisonsFromRows(
    rows.map((r) =>
      'winner' in r
        ? { winner: String(r.winner), loser: String(r.loser), count: r.count === undefined ? undefined : Number(r.count) }
        : { itemA: String(r.item_a), itemB: String(r.item_b), outcome: r.outcome as 'a' | 'b' | 'tie', count: r.count === undefined ? undefined : Number(r.count) },
    ),
  );
}

/**
 * Seeded random winner/loser comparisons between `items` items with true strengths
 * N(0, spread²): a ring of comparisons in both directions makes the graph strongly
 * connected, then `extra` random pairs with a Bradley–Terry outcome.
 */
export function randomComparisons(items: number, extra: number, seed: number, spread = 1): ComparisonRow[] {
  const rng = Rng.fromSeed(seed).split('bt-random');
  const theta = Array.from({ length: items }, () => spread * rng.normal());
  const name = (i: number) => `item${i}`;
  const rows: ComparisonRow[] = [];
  for (let i = 0; i < items; i++) {
    const j = (i + 1) % items;
    rows.push({ winner: name(i), loser: name(j) }, { winner: name(j), loser: name(i) });
  }
  for (let k = 0; k < extra; k++) {
    const i = rng.int(items);
    let j = rng.int(items - 1);
    if (j >= i) j++;
    const p = 1 / (1 + Math.exp(theta[j] - theta[i]));
    rows.push(rng.next() < p ? { winner: name(i), loser: name(j) } : { winner: name(j), loser: name(i) });
  }
  return rows;
}
