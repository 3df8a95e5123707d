import { InputError, readTable, rowLocation, streamCsv, streamJsonRecords, type InputLocation } from '@persona/core';
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

/** A count as written: a decimal number, optionally signed, with an optional exponent (no hex, no `Infinity`). */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * `required`: the file has a count column (CSV) or `count` key (JSON records), so every
 * row needs a value: a blank cell, JSON null, `""` or a missing key is an error, not 1.
 */
function parseCount(raw: string | undefined, where: Where, required: boolean): number {
  if (raw === undefined || raw.trim() === '') {
    if (required) throw new InputError(message.btBlankCount(), where('count'));
    return 1;
  }
  const text = raw.trim();
  const x = DECIMAL.test(text) ? Number(text) : NaN;
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

const WINNER_FORM = ['winner', 'loser', 'count'] as const;
const ITEM_FORM = ['item_a', 'item_b', 'outcome', 'count'] as const;
const KNOWN_NAMES: readonly string[] = ['winner', 'loser', 'item_a', 'item_b', 'outcome', 'count'];
/** Names people give a count column (lower case): read as a likely `count`. */
const COUNT_LIKE = new Set(['n', 'cnt', 'counts', 'weight', 'weights', 'w', 'wt', 'freq', 'frequency', 'times', 'number', 'num', 'total', 'wins', 'votes']);

/** The known name a column or key most likely meant: same up to case/spacing, a count synonym, or within 2 edits. */
export function likelyName(name: string): string | undefined {
  const lower = name.trim().toLowerCase().replace(/[\s-]+/g, '_');
  if (KNOWN_NAMES.includes(lower)) return lower;
  if (COUNT_LIKE.has(lower)) return 'count';
  let best: string | undefined;
  let bestDistance = 3;
  for (const known of KNOWN_NAMES) {
    const d = editDistance(lower, known);
    if (d < bestDistance && 2 * d < known.length) {
      best = known;
      bestDistance = d;
    }
  }
  return best;
}

/** Levenshtein distance (insertions, deletions, substitutions). */
function editDistance(x: string, y: string): number {
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[y.length];
}

/**
 * The column layout, refusing every column or key that is not part of the chosen form
 * (`winner,loser[,count]` or `item_a,item_b,outcome[,count]`), so that a misnamed count
 * column (`Count`, `n`, `weight`) is never silently ignored. `locate(name)` gives where to
 * report an unknown column (the header line, or the record).
 */
function layoutOf(names: readonly string[], file: string, what: 'column' | 'key', locate: (name: string) => InputLocation): Layout {
  const at = (name: string) => names.indexOf(name);
  let layout: Layout | undefined;
  let allowed: readonly string[] = [];
  if (at('winner') >= 0 && at('loser') >= 0) {
    layout = { ordered: false, winner: at('winner'), loser: at('loser'), count: at('count') };
    allowed = WINNER_FORM;
  } else if (at('item_a') >= 0 && at('item_b') >= 0 && at('outcome') >= 0) {
    layout = { ordered: true, a: at('item_a'), b: at('item_b'), outcome: at('outcome'), count: at('count') };
    allowed = ITEM_FORM;
  }
  if (!layout) {
    const hints = names.filter((name) => !KNOWN_NAMES.includes(name) && likelyName(name) !== undefined).map((name) => [name, likelyName(name)!] as const);
    throw new InputError(message.btMissingColumns(names, hints), { file });
  }
  for (const name of names) {
    if (allowed.includes(name)) continue;
    const hint = likelyName(name);
    throw new InputError(message.btUnknownColumn(what, name, allowed, hint === name ? undefined : hint), { file, ...locate(name) });
  }
  return layout;
}

const WINNER_LOSER = ['winner', 'loser'] as const;
const ITEM_A_B = ['item_a', 'item_b'] as const;

function addRow(collector: ComparisonCollector, layout: Layout, field: (j: number) => string | undefined, where: Where): void {
  const count = parseCount(layout.count >= 0 ? field(layout.count) : undefined, where, layout.count >= 0);
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
 * Any other column or key is refused (with a "did you mean" hint for near misses such as
 * `Count`, `n` or `weight`), so a misnamed count is never read as 1. Without a count column
 * (CSV) or `count` key (JSON records) every count is 1; with one, every row needs a count:
 * a blank cell, JSON null, `""` or a record without the key is an error. Counts are positive
 * reals written as decimal numbers (survey weights; no hex, no `Infinity`). Identical
 * comparisons are collapsed. `winner,loser` input has no positions (`ordered: false`).
 * Item names are taken verbatim, so leading or trailing spaces are refused (` b` would
 * otherwise be a different item from `b`).
 * @throws {InputError} naming the file, line (CSV; JSONL when records sit one per line,
 *   else the 0-based record), and field: a missing or unknown column, empty item, item
 *   with surrounding spaces, unknown outcome, blank, non-positive or non-decimal count, an
 *   item compared with itself, or no rows.
 */
export async function readComparisons(path: string): Promise<Comparisons> {
  const lower = path.toLowerCase();
  if (/\.(jsonl|ndjson|json)(\.gz)?$/.test(lower)) return readJsonComparisons(path);
  let layout: Layout | undefined;
  let collector: ComparisonCollector | undefined;
  const onHeader = (names: readonly string[]) => {
    layout = layoutOf(names, path, 'column', (field) => ({ line: 1, field }));
    collector = new ComparisonCollector(layout.ordered);
  };
  if (lower.endsWith('.csv') || lower.endsWith('.csv.gz')) {
    await streamCsv(path, {
      onHeader,
      onRow: (fields, line) => addRow(collector!, layout!, (j) => fields[j], (field) => ({ file: path, line, field })),
    });
  } else {
    // Parquet (and any other table format core reads): one row per comparison.
    const table = await readTable(path);
    onHeader(table.names);
    const columns = table.names.map((name) => table.column(name));
    for (let r = 0; r < table.nRows; r++) addRow(collector!, layout!, (j) => columns[j][r], (field) => ({ file: path, ...rowLocation(table, r), field }));
  }
  if (!collector) throw new InputError(message.btNoComparisons(), { file: path });
  return collector.result({ file: path });
}

/**
 * JSON Lines / JSON array records: the first record fixes the form; every record may only
 * use that form's keys. A record without `count` counts 1; `count` null or `""` is blank (an
 * error, as a blank CSV cell).
 */
async function readJsonComparisons(path: string): Promise<Comparisons> {
  let form: readonly string[] | undefined;
  let collector: ComparisonCollector | undefined;
  await streamJsonRecords(path, /\.json(\.gz)?$/i.test(path), (record, at) => {
    const keys = Object.keys(record);
    const where: Where = (field) => ({ file: path, ...at, field });
    if (form === undefined) {
      const layout = layoutOf(keys, path, 'key', (field) => ({ ...at, field }));
      form = layout.ordered ? ITEM_FORM : WINNER_FORM;
      collector = new ComparisonCollector(layout.ordered);
    }
    for (const key of keys) {
      if (form.includes(key)) continue;
      const hint = likelyName(key);
      throw new InputError(message.btUnknownColumn('key', key, form, hint === key ? undefined : hint), where(key));
    }
    const text = (key: string): string | undefined => {
      const value = record[key];
      if (value === undefined) return undefined;
      if (value === null) return '';
      return typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
    };
    const count = 'count' in record ? parseCount(text('count'), where, true) : 1;
    if (form === ITEM_FORM) {
      const outcome = parseOutcome(text('outcome') ?? '', where);
      collector!.add(text('item_a') ?? '', text('item_b') ?? '', outcome, count, where, ITEM_A_B);
    } else {
      collector!.add(text('winner') ?? '', text('loser') ?? '', Outcome.firstWins, count, where, WINNER_LOSER);
    }
  });
  if (!collector) throw new InputError(message.btNoComparisons(), { file: path });
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
    const count = row.count === undefined ? 1 : parseCount(String(row.count), where, true);
    if ('itemA' in row) {
      collector.add(row.itemA, row.itemB, parseOutcome(row.outcome, where), count, where, ITEM_A_B);
    } else {
      collector.add(row.winner, row.loser, Outcome.firstWins, count, where, WINNER_LOSER);
    }
  });
  return collector.result({});
}
