/**
 * Rows with the same combination of category codes form one *cell*. Raking,
 * calibration and post-stratification give every row of a cell the same
 * weight ratio (the ratio depends only on the row's categories), so they can
 * work on the cells alone and expand to rows at the end: the work then scales
 * with the number of distinct cells, not rows.
 */
export interface Cells {
  readonly nCells: number;
  /** Cell of each row. */
  readonly cellOfRow: Int32Array;
  /** `codes[j][cell]`: the code of variable j in the cell (column-major, one array per variable). */
  readonly codes: readonly Int32Array[];
  /** Sum of the base weights of the cell's rows. */
  readonly weight: Float64Array;
  /** First row (0-based) of the cell, for messages. */
  readonly firstRow: Int32Array;
}

/** Largest mixed-radix key space indexed directly (an Int32Array of this size is 16 MB). */
const DENSE_LIMIT = 1 << 22;

/**
 * Collapses rows into cells, numbered in order of first appearance (so the
 * result does not depend on hashing). When the product of the level counts is
 * at most 2^22, the cell of a row is looked up directly by its mixed-radix key;
 * otherwise by an open-addressing hash table on the code tuple.
 *
 * @param codes one Int32Array of codes per variable, each `nRows` long
 * @param levelCounts number of levels of each variable
 * @param baseWeights per-row weights summed into each cell (every row weighs 1 when absent)
 */
export function collapseCells(
  codes: readonly Int32Array[],
  levelCounts: readonly number[],
  nRows: number,
  baseWeights?: Float64Array,
): Cells {
  const k = codes.length;
  let space = 1;
  for (const m of levelCounts) space *= Math.max(m, 1);
  const cellOfRow = new Int32Array(nRows);
  const firstRows: number[] = [];
  const weightOf: number[] = [];
  if (space <= DENSE_LIMIT) {
    // one pass over the rows: mixed-radix key → cell, summing weights as we go
    const stride = new Int32Array(k);
    for (let j = 0, s = 1; j < k; j++) {
      stride[j] = s;
      s *= Math.max(levelCounts[j], 1);
    }
    const slot = new Int32Array(space).fill(-1);
    for (let i = 0; i < nRows; i++) {
      let key = 0;
      for (let j = 0; j < k; j++) key += codes[j][i] * stride[j];
      let c = slot[key];
      if (c < 0) {
        c = firstRows.length;
        slot[key] = c;
        firstRows.push(i);
        weightOf.push(0);
      }
      cellOfRow[i] = c;
      weightOf[c] += baseWeights ? baseWeights[i] : 1;
    }
  } else {
    hashCells(codes, nRows, cellOfRow, firstRows);
    for (let c = 0; c < firstRows.length; c++) weightOf.push(0);
    for (let i = 0; i < nRows; i++) {
      const c = cellOfRow[i];
      weightOf[c] += baseWeights ? baseWeights[i] : 1;
    }
  }
  const nCells = firstRows.length;
  const firstRow = Int32Array.from(firstRows);
  const cellCodes = codes.map((cj) => {
    const out = new Int32Array(nCells);
    for (let c = 0; c < nCells; c++) out[c] = cj[firstRow[c]];
    return out;
  });
  return { nCells, cellOfRow, codes: cellCodes, weight: Float64Array.from(weightOf), firstRow };
}

/** Open addressing with linear probing on a 32-bit hash of the code tuple. */
function hashCells(codes: readonly Int32Array[], nRows: number, cellOfRow: Int32Array, firstRows: number[]): void {
  const k = codes.length;
  const hash = new Int32Array(nRows);
  for (let j = 0; j < k; j++) {
    const cj = codes[j];
    for (let i = 0; i < nRows; i++) hash[i] = Math.imul(hash[i] ^ cj[i], 0x9e3779b1) ^ (hash[i] >>> 15);
  }
  let capacity = 1024;
  while (capacity < 2 * Math.min(nRows, 1 << 29)) capacity *= 2;
  const mask = capacity - 1;
  const table = new Int32Array(capacity).fill(-1);
  for (let i = 0; i < nRows; i++) {
    let s = (hash[i] ^ (hash[i] >>> 16)) & mask;
    for (;;) {
      const c = table[s];
      if (c < 0) {
        table[s] = firstRows.length;
        cellOfRow[i] = firstRows.length;
        firstRows.push(i);
        break;
      }
      const r = firstRows[c];
      let same = hash[r] === hash[i];
      for (let j = 0; same && j < k; j++) same = codes[j][r] === codes[j][i];
      if (same) {
        cellOfRow[i] = c;
        break;
      }
      s = (s + 1) & mask;
    }
  }
}

/**
 * Expands per-cell weight ratios to rows: row i gets `baseWeights[i] × ratio[cell of i]`
 * (or `ratio[cell]` when every row weighs 1).
 */
export function expandCellRatios(cells: Cells, ratio: Float64Array, baseWeights?: Float64Array): Float64Array {
  const n = cells.cellOfRow.length;
  const out = new Float64Array(n);
  const cellOfRow = cells.cellOfRow;
  if (baseWeights) for (let i = 0; i < n; i++) out[i] = baseWeights[i] * ratio[cellOfRow[i]];
  else for (let i = 0; i < n; i++) out[i] = ratio[cellOfRow[i]];
  return out;
}
