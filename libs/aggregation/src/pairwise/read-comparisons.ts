import { InputError, readTable, streamCsv, type InputLocation } from '@persona/core';
import { message } from '../messages.js';
import { Outcome, type Comparisons } from './comparisons.js';

/** One comparison as a record: `winner,loser` form or `item_a,item_b,outcome` form. */
export type ComparisonRow =
  | { winner: string; loser: string; count?: number }
  | { itemA: string; itemB: string; outcome: 'a' | 'b' | 'tie'; count?: number };

const ITEM_BITS = 2 ** 24;

/**
 * Collects comparisons into the typed-array {@link Comparisons}, collapsing
 * identical (first, second, outcome) entries by adding their counts. Items are
 * numbered in order of first appearance.
 */
class ComparisonCollector {
  private readonly index = new Map<string, number>();
  readonly items: string[] = [];
  private readonly slot = new Map<number, number>();
  private first: number[] = [];
  private second: number[] = [];
  private outcome: number[] = [];
  private count: number[] = [];

  constructor(readonly ordered: boolean) {}

  private item(name: string, where: InputLocation): number {
    let id = this.index.get(name);
    if (id === undefined) {
      if (name.trim() === '') throw new InputError(message.btEmptyItem(), where);
      id = this.items.length;
      if (id >= ITEM_BITS) throw new InputError(message.btTooManyItems(ITEM_BITS), where);
      this.index.set(name, id);
      this.items.push(name);
    }
    return id;
  }

  add(firstName: string, secondName: string, outcome: number, count: number, at: { first: InputLocation; second: InputLocation }): void {
    const a = this.item(firstName, at.first);
    const b = this.item(secondName, at.second);
    if (a === b) throw new InputError(message.btSelfComparison(firstName), at.second);
    const key = (a * ITEM_BITS + b) * 4 + outcome;
    const k = this.slot.get(key);
    if (k !== undefined) {
      this.count[k] += count;
      return;
    }
    this.slot.set(key, this.first.length);
    this.first.push(a);
    this.second.push(b);
    this.outcome.push(outcome);
    this.count.push(count);
  }

  result(where: InputLocation): Comparisons {
    if (this.first.length === 0) throw new InputError(message.btNoComparisons(), where);
    return {
      items: this.items,
      first: Int32Array.from(this.first),
      second: Int32Array.from(this.second),
      outcome: Uint8Array.from(this.outcome),
      count: Float64Array.from(this.count),
      ordered: this.ordered,
    };
  }
}

function parseCount(raw: string | undefined, where: InputLocation): number {
  if (raw === undefined || raw.trim() === '') return 1;
  const x = Number(raw);
  if (!Number.isFinite(x) || !(x > 0)) throw new InputError(message.btBadCount(raw), where);
  return x;
}

function parseOutcome(raw: string, where: InputLocation): number {
  const v = raw.trim().toLowerCase();
  if (v === 'a') return Outcome.firstWins;
  if (v === 'b') return Outcome.secondWins;
  if (v === 'tie') return Outcome.tie;
  throw new InputError(message.btBadOutcome(raw), where);
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

function addRow(collector: ComparisonCollector, layout: Layout, field: (j: number) => string | undefined, where: InputLocation): void {
  const loc = (f: string): InputLocation => ({ ...where, field: f });
  const count = parseCount(layout.count >= 0 ? field(layout.count) : undefined, loc('count'));
  if (layout.ordered) {
    const outcome = parseOutcome(field(layout.outcome) ?? '', loc('outcome'));
    collector.add(field(layout.a) ?? '', field(layout.b) ?? '', outcome, count, { first: loc('item_a'), second: loc('item_b') });
  } else {
    collector.add(field(layout.winner) ?? '', field(layout.loser) ?? '', Outcome.firstWins, count, { first: loc('winner'), second: loc('loser') });
  }
}

/**
 * Reads paired comparisons (CONTRACTS.md `persona bt`): a CSV with columns
 * `winner,loser[,count]` or `item_a,item_b,outcome[,count]` (outcome `a`, `b` or
 * `tie`), or `.jsonl`/`.json` records with the same field names; gzip allowed.
 * A missing count is 1; counts are positive reals (survey weights). Identical
 * comparisons are collapsed. `winner,loser` input has no positions (`ordered: false`).
 * @throws {InputError} naming the file, line (CSV) or record (JSON), and field: a
 *   missing column, empty item, unknown outcome, non-positive or non-numeric count,
 *   an item compared with itself, or no rows.
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
      onRow: (fields, line) => addRow(collector!, layout!, (j) => fields[j], { file: path, line }),
    });
    if (!collector) throw new InputError(message.btNoComparisons(), { file: path });
    return collector.result({ file: path });
  }
  const table = await readTable(path);
  const layout = layoutOf(table.names, path);
  const columns = table.names.map((name) => table.column(name));
  const collector = new ComparisonCollector(layout.ordered);
  for (let r = 0; r < table.nRows; r++) {
    addRow(collector, layout, (j) => columns[j][r], { file: path, index: r });
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
    if ('itemA' in row !== ordered) throw new InputError(message.btMixedRows(), { index });
    const count = row.count === undefined ? 1 : parseCount(String(row.count), { index, field: 'count' });
    if ('itemA' in row) {
      const outcome = parseOutcome(row.outcome, { index, field: 'outcome' });
      collector.add(row.itemA, row.itemB, outcome, count, { first: { index, field: 'item_a' }, second: { index, field: 'item_b' } });
    } else {
      collector.add(row.winner, row.loser, Outcome.firstWins, count, { first: { index, field: 'winner' }, second: { index, field: 'loser' } });
    }
  });
  return collector.result({});
}
