import { InputError, readTable, streamCsv, type InputLocation } from '@persona/core';
import { message } from '../messages.js';
import { Outcome, type Comparisons } from './comparisons.js';

/** One comparison as a record: `winner,loser` form or `item_a,item_b,outcome` form. */
export type ComparisonRow =
  | { winner: string; loser: string; count?: number }
  | { itemA: string; itemB: string; outcome: 'a' | 'b' | 'tie'; count?: number };

const MAX_ITEMS = 2 ** 30;

/** Where a record sits, built only when an error is reported. */
type Where = (field: string) => InputLocation;

/** Growable typed-array storage for raw comparisons. */
class RawComparisons {
  first = new Int32Array(1024);
  second = new Int32Array(1024);
  outcome = new Uint8Array(1024);
  count = new Float64Array(1024);
  length = 0;

  push(a: number, b: number, o: number, c: number): void {
    if (this.length === this.first.length) {
      const grow = <T extends Int32Array | Uint8Array | Float64Array>(x: T): T => {
        const y = new (x.constructor as new (n: number) => T)(2 * x.length);
        y.set(x);
        return y;
      };
      this.first = grow(this.first);
      this.second = grow(this.second);
      this.outcome = grow(this.outcome);
      this.count = grow(this.count);
    }
    const k = this.length++;
    this.first[k] = a;
    this.second[k] = b;
    this.outcome[k] = o;
    this.count[k] = c;
  }
}

/**
 * Collects comparisons into the typed-array {@link Comparisons}. Items are numbered
 * in order of first appearance; identical (first, second, outcome) entries are
 * collapsed at the end (counts added) by a counting sort on `first` and a marker
 * array per bucket — O(rows + items), no hashing of pairs.
 */
class ComparisonCollector {
  private readonly index = new Map<string, number>();
  readonly items: string[] = [];
  private readonly raw = new RawComparisons();

  constructor(readonly ordered: boolean) {}

  private item(name: string, where: Where, field: string): number {
    let id = this.index.get(name);
    if (id === undefined) {
      if (name.trim() === '') throw new InputError(message.btEmptyItem(), where(field));
      if (name.trim() !== name) throw new InputError(message.btItemSpaces(name), where(field));
      id = this.items.length;
      if (id >= MAX_ITEMS) throw new InputError(message.btTooManyItems(MAX_ITEMS), where(field));
      this.index.set(name, id);
      this.items.push(name);
    }
    return id;
  }

  add(firstName: string, secondName: string, outcome: number, count: number, where: Where, fields: readonly [string, string]): void {
    const a = this.item(firstName, where, fields[0]);
    const b = this.item(secondName, where, fields[1]);
    if (a === b) throw new InputError(message.btSelfComparison(firstName), where(fields[1]));
    this.raw.push(a, b, outcome, count);
  }

  result(where: InputLocation): Comparisons {
    const { first, second, outcome, count, length } = this.raw;
    if (length === 0) throw new InputError(message.btNoComparisons(), where);
    const n = this.items.length;
    const start = new Int32Array(n + 1);
    for (let k = 0; k < length; k++) start[first[k] + 1]++;
    for (let i = 0; i < n; i++) start[i + 1] += start[i];
    const fill = start.slice(0, n);
    const order = new Int32Array(length);
    for (let k = 0; k < length; k++) order[fill[first[k]]++] = k;
    // Entries keep the order of their first appearance: sort the collapsed slots by it.
    const mark = new Int32Array(3 * n).fill(-1);
    const slot = new Int32Array(3 * n);
    const firstSeen = new Int32Array(length);
    const sum = new Float64Array(length);
    let m = 0;
    for (let i = 0; i < n; i++) {
      for (let q = start[i]; q < start[i + 1]; q++) {
        const k = order[q];
        const key = 3 * second[k] + outcome[k];
        if (mark[key] !== i) {
          mark[key] = i;
          slot[key] = k;
          firstSeen[m++] = k;
        }
        sum[slot[key]] += count[k];
      }
    }
    const kept = firstSeen.slice(0, m).sort();
    return {
      items: this.items,
      first: Int32Array.from(kept, (k) => first[k]),
      second: Int32Array.from(kept, (k) => second[k]),
      outcome: Uint8Array.from(kept, (k) => outcome[k]),
      count: Float64Array.from(kept, (k) => sum[k]),
      ordered: this.ordered,
    };
  }
}

/** `required`: the CSV has a count column, so every row needs a value (a blank cell is an error, not 1). */
function parseCount(raw: string | undefined, where: Where, required = false): number {
  if (required && (raw === undefined || raw.trim() === '')) throw new InputError(message.btBlankCount(), where('count'));
  if (raw === undefined || raw === '') return 1;
  const x = Number(raw);
  if (!Number.isFinite(x) || !(x > 0)) throw new InputError(message.btBadCount(raw), where('count'));
  return x;
}

function parseOutcome(raw: string, where: Where): number {
  if (raw === 'a') return Outcome.firstWins;
  if (raw === 'b') return Outcome.secondWins;
  if (raw === 'tie') return Outcome.tie;
  const v = raw.trim().toLowerCase();
  if (v === 'a') return Outcome.firstWins;
  if (v === 'b') return Outcome.secondWins;
  if (v === 'tie') return Outcome.tie;
  throw new InputError(message.btBadOutcome(raw), where('outcome'));
}

type Layout = { ordered: false; winner: number; loser: number; count: number } | { ordered: true; a: number; b: number; outcome: number; count: number };

function layoutOf(names: readonly string[], file: string): Layout {
  const at = (name: string) => names.indexOf(name);
  if (at('winner') >= 0 && at('loser') >= 0) return { ordered: false, winner: at('winner'), loser: at('loser'), count: at('count') };
  if (at('item_a') >= 0 && at('item_b') >= 0 && at('outcome') >= 0) {
    return { ordered: true, a: at('item_a'), b: at('item_b'), outcome: at('outcome'), count: at('count') };
  }
  throw new InputError(message.btMissingColumns(names), { file });
}

const WINNER_LOSER = ['winner', 'loser'] as const;
const ITEM_A_B = ['item_a', 'item_b'] as const;

function addRow(collector: ComparisonCollector, layout: Layout, field: (j: number) => string | undefined, where: Where, csv: boolean): void {
  const count = parseCount(layout.count >= 0 ? field(layout.count) : undefined, where, csv && layout.count >= 0);
  if (layout.ordered) {
    const outcome = parseOutcome(field(layout.outcome) ?? '', where);
    collector.add(field(layout.a) ?? '', field(layout.b) ?? '', outcome, count, where, ITEM_A_B);
  } else {
    collector.add(field(layout.winner) ?? '', field(layout.loser) ?? '', Outcome.firstWins, count, where, WINNER_LOSER);
  }
}

/**
 * Reads paired comparisons (CONTRACTS.md `persona bt`): a CSV with columns
 * `winner,loser[,count]` or `item_a,item_b,outcome[,count]` (outcome `a`, `b` or
 * `tie`), or `.jsonl`/`.json` records with the same field names; gzip allowed.
 * Without a count column (CSV) or a `count` field (JSON record) the count is 1; a CSV
 * with a count column needs a value in every row. Counts are positive reals (survey
 * weights). Identical comparisons are collapsed. `winner,loser` input has no positions
 * (`ordered: false`). Item names are taken verbatim, so leading or trailing spaces are
 * refused (` b` would otherwise be a different item from `b`).
 * @throws {InputError} naming the file, line (CSV; JSONL when records sit one per line,
 *   else the 0-based record), and field: a missing column, empty item, item with
 *   surrounding spaces, unknown outcome, blank, non-positive or non-numeric count, an
 *   item compared with itself, or no rows.
 */
export async function readComparisons(path: string): Promise<Comparisons> {
  const lower = path.toLowerCase();
  if (lower.endsWith('.csv') || lower.endsWith('.csv.gz')) {
    let layout: Layout | undefined;
    let collector: ComparisonCollector | undefined;
    await streamCsv(path, {
      onHeader: (names) => {
        layout = layoutOf(names, path);
        collector = new ComparisonCollector(layout.ordered);
      },
      onRow: (fields, line) => addRow(collector!, layout!, (j) => fields[j], (field) => ({ file: path, line, field }), true),
    });
    if (!collector) throw new InputError(message.btNoComparisons(), { file: path });
    return collector.result({ file: path });
  }
  const table = await readTable(path);
  const layout = layoutOf(table.names, path);
  const columns = table.names.map((name) => table.column(name));
  const collector = new ComparisonCollector(layout.ordered);
  // Name the file line when every record sits on line r + lineOffset (JSONL without blank lines), else the record.
  const offset = table.lineOffset;
  for (let r = 0; r < table.nRows; r++) {
    addRow(collector, layout, (j) => columns[j][r], (field) => ({ file: path, ...(offset !== undefined ? { line: r + offset } : { index: r }), field }), false);
  }
  return collector.result({ file: path });
}

/**
 * Builds {@link Comparisons} from records (the in-memory form of
 * {@link readComparisons}); all records must use the same form.
 * @throws {InputError} as {@link readComparisons}, with `index` = record number.
 */
export function comparisonsFromRows(rows: readonly ComparisonRow[]): Comparisons {
  const ordered = rows.length > 0 && 'itemA' in rows[0];
  const collector = new ComparisonCollector(ordered);
  rows.forEach((row, index) => {
    const where: Where = (field) => ({ index, field });
    if ('itemA' in row !== ordered) throw new InputError(message.btMixedRows(), { index });
    const count = row.count === undefined ? 1 : parseCount(String(row.count), where);
    if ('itemA' in row) {
      collector.add(row.itemA, row.itemB, parseOutcome(row.outcome, where), count, where, ITEM_A_B);
    } else {
      collector.add(row.winner, row.loser, Outcome.firstWins, count, where, WINNER_LOSER);
    }
  });
  return collector.result({});
}
