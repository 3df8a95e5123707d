import { InputError, Rng } from '@persona/core';
import { message } from '../messages.js';
import type { IntColumn, PumsColumn, PumsTable } from '../pums/pums-table.js';
import { MATCH_LEVELS, cellKeys, describeCell, matchFeatures, type MatchLevel } from './match-cells.js';
import { SEED_MISSING_ITEMS } from './seed-missing-items.js';

/** Options of {@link imputeHotDeck}. */
export interface HotDeckOptions {
  /** Seed of the donor draws (same table + seed = same donors). */
  seed: number | string;
  /** Columns to fill, all from one donor. Default: the seed's 26 CA/TX columns. At most 31. */
  items?: readonly string[];
  /** 1 for each row to impute. Default: rows with FULLCOLS = 0. Every other row is a potential donor. */
  recipients?: Uint8Array;
  /** A cell needs at least this many donors, else the next collapse level is tried (default 5; levels marked `acceptAnyDonor` take any). */
  minDonors?: number;
  /** Donor-selection weight column (default PWGTP). */
  weight?: string;
}

/** What {@link imputeHotDeck} returns. */
export interface HotDeckResult {
  /**
   * The input table with the items filled on recipient rows and three integer
   * columns added: IMPFLAGS (bit j set when item j was imputed; 0 on
   * respondent rows), IMPDONOR (the donor's 0-based row; blank on respondent
   * rows) and IMPLEVEL (the collapse level of the donor cell; blank on respondent rows).
   */
  readonly table: PumsTable;
  /** The imputed items, in IMPFLAGS bit order. */
  readonly items: readonly string[];
  /** The collapse hierarchy that was used. */
  readonly levels: readonly MatchLevel[];
  /** Recipients filled at each level. */
  readonly recipientsByLevel: readonly number[];
}

/**
 * The donor cells of one level, packed: cell c holds the donor rows
 * `rows[start[c]] … rows[start[c + 1] − 1]` (in row order), with the running
 * sum of their weights within the cell in `cumulative`.
 */
interface DonorCells {
  readonly cellOfKey: Map<number, number>;
  readonly start: Int32Array;
  readonly rows: Int32Array;
  readonly cumulative: Float64Array;
}

/**
 * Joint, weighted, cell-based hot-deck imputation: every recipient gets ALL
 * item values from ONE donor, so the imputed record is as internally
 * consistent as the donor's (Andridge & Little 2010, "A review of hot deck
 * imputation for survey non-response", Int. Stat. Rev. 78(1):40–64: adjustment
 * cells, and one donor for all items so that multivariate associations are kept).
 *
 * Donors are the non-recipient rows in the recipient's adjustment cell
 * (`MATCH_LEVELS` level 0: census region, age band, sex, RAC1P, HISP, SCHL
 * band, CIT, DIS, household/group quarters). When the cell has fewer than
 * `minDonors` donors, cells are collapsed hierarchically in the documented
 * order of {@link MATCH_LEVELS}; age band, sex, nativity, DIS and group
 * quarters are never collapsed. Within the cell a donor is drawn with
 * probability proportional to its survey weight (PWGTP), one of the ways
 * Andridge & Little review for using sample weights in the hot deck, so that
 * the imputed values follow the weighted, not the unweighted, donor distribution.
 * Each recipient draws from its own stream `Rng.fromSeed(seed).split('hot-deck').split(row)`,
 * so a recipient's donor does not depend on the order of the others. No row is dropped.
 *
 * @throws {InputError} for a missing column, a blank matching variable, more
 *   than 31 items, an invalid `minDonors`, no recipient, or a recipient with
 *   no donor even in the coarsest cell.
 */
export function imputeHotDeck(table: PumsTable, options: HotDeckOptions): HotDeckResult {
  const items = options.items ?? SEED_MISSING_ITEMS;
  if (items.length > 31) throw new InputError(message.tooManyItems(items.length));
  const minDonors = options.minDonors ?? 5;
  if (!(Number.isInteger(minDonors) && minDonors >= 1)) throw new InputError(message.invalidMinDonors(minDonors));
  const n = table.rowCount;
  const recipients = options.recipients ?? fullColsZero(table);
  if (recipients.length !== n) throw new InputError(message.recipientsLength(recipients.length, n));
  const weights = table.int(options.weight ?? 'PWGTP');
  const itemColumns = items.map((name) => table.int(name));
  let recipientCount = 0;
  for (let i = 0; i < n; i++) recipientCount += recipients[i] === 1 ? 1 : 0;
  if (recipientCount === 0) throw new InputError(message.noRecipients(), { file: table.source });

  const features = matchFeatures(table);
  const keys = MATCH_LEVELS.map((level) => cellKeys(features, level, n));
  const cells = keys.map((levelKeys) => donorCells(levelKeys, recipients, weights));

  const filled = itemColumns.map((column) => ({ values: column.values.slice(), blank: column.blank.slice() }));
  const flags = new Int32Array(n);
  const donor = new Int32Array(n);
  const donorBlank = new Uint8Array(n).fill(1);
  const level = new Int32Array(n);
  const allItems = items.length === 31 ? 0x7fffffff : (1 << items.length) - 1;
  const recipientsByLevel = MATCH_LEVELS.map(() => 0);
  const root = Rng.fromSeed(options.seed).split('hot-deck');

  for (let r = 0; r < n; r++) {
    if (recipients[r] !== 1) continue;
    let at = 0;
    let cell = -1;
    for (; at < MATCH_LEVELS.length; at++) {
      const c = cells[at].cellOfKey.get(keys[at][r]);
      if (c === undefined) continue;
      const size = cells[at].start[c + 1] - cells[at].start[c];
      if (size >= minDonors || MATCH_LEVELS[at].acceptAnyDonor) {
        cell = c;
        break;
      }
    }
    if (cell < 0) {
      const coarsest = MATCH_LEVELS[MATCH_LEVELS.length - 1];
      throw new InputError(message.noDonor(r, describeCell(features, coarsest, r)), { file: table.source, index: r });
    }
    const d = drawDonor(cells[at], cell, root.split(r));
    for (let j = 0; j < items.length; j++) {
      filled[j].values[r] = itemColumns[j].values[d];
      filled[j].blank[r] = itemColumns[j].blank[d];
    }
    flags[r] = allItems;
    donor[r] = d;
    donorBlank[r] = 0;
    level[r] = at;
    recipientsByLevel[at]++;
  }

  const columns = new Map<string, PumsColumn>();
  items.forEach((name, j) => columns.set(name, { kind: 'int', values: filled[j].values, blank: filled[j].blank }));
  columns.set('IMPFLAGS', { kind: 'int', values: flags, blank: new Uint8Array(n) });
  columns.set('IMPDONOR', { kind: 'int', values: donor, blank: donorBlank });
  columns.set('IMPLEVEL', { kind: 'int', values: level, blank: donorBlank.slice() });
  return { table: table.withColumns(columns), items: [...items], levels: MATCH_LEVELS, recipientsByLevel };
}

/** Rows with FULLCOLS = 0 (the seed's California and Texas rows). */
function fullColsZero(table: PumsTable): Uint8Array {
  const column = table.int('FULLCOLS');
  const out = new Uint8Array(table.rowCount);
  for (let i = 0; i < table.rowCount; i++) out[i] = column.blank[i] === 0 && column.values[i] === 0 ? 1 : 0;
  return out;
}

/** Packs the donor rows (non-recipients with a positive weight) by cell key, in row order. */
function donorCells(keys: Int32Array, recipients: Uint8Array, weights: IntColumn): DonorCells {
  const n = keys.length;
  const cellOfKey = new Map<number, number>();
  const cellOfRow = new Int32Array(n).fill(-1);
  let donors = 0;
  for (let i = 0; i < n; i++) {
    if (recipients[i] === 1 || weights.blank[i] === 1 || !(weights.values[i] > 0)) continue;
    let c = cellOfKey.get(keys[i]);
    if (c === undefined) {
      c = cellOfKey.size;
      cellOfKey.set(keys[i], c);
    }
    cellOfRow[i] = c;
    donors++;
  }
  const start = new Int32Array(cellOfKey.size + 1);
  for (let i = 0; i < n; i++) if (cellOfRow[i] >= 0) start[cellOfRow[i] + 1]++;
  for (let c = 0; c < cellOfKey.size; c++) start[c + 1] += start[c];
  const next = start.slice(0, cellOfKey.size);
  const rows = new Int32Array(donors);
  const cumulative = new Float64Array(donors);
  for (let i = 0; i < n; i++) {
    const c = cellOfRow[i];
    if (c < 0) continue;
    const k = next[c]++;
    rows[k] = i;
    cumulative[k] = (k > start[c] ? cumulative[k - 1] : 0) + weights.values[i];
  }
  return { cellOfKey, start, rows, cumulative };
}

/** A donor of cell `c` drawn with probability ∝ weight: the first whose cumulative weight exceeds u · total. */
function drawDonor(cells: DonorCells, c: number, rng: Rng): number {
  let lo = cells.start[c];
  let hi = cells.start[c + 1] - 1;
  const u = rng.next() * cells.cumulative[hi];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cells.cumulative[mid] > u) hi = mid;
    else lo = mid + 1;
  }
  return cells.rows[lo];
}

/** True when item `item` of row `row` was imputed (reads the IMPFLAGS bit). */
export function isImputed(result: HotDeckResult, row: number, item: string): boolean {
  const j = result.items.indexOf(item);
  if (j < 0) return false;
  return (result.table.int('IMPFLAGS').values[row] & (1 << j)) !== 0;
}
