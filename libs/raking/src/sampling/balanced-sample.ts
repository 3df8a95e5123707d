import { InputError, type Rng } from '@persona/core';
import { flyCube, landCube, type BalancingRow } from './cube-flight.js';
import { selected, type CubeResult } from './cube-sample.js';
import { inclusionProbabilities } from './inclusion-probabilities.js';
import { message } from '../messages.js';
import { populationColumn, type PopulationColumns } from './population-columns.js';
import { unitOrder, type UnitOrder } from './unit-order.js';
import { checkLength, checkWeights } from './validate.js';

export interface BalancedSampleOptions {
  /** Order of the units for the within-cell pivots and the flight (default `'random'`). */
  readonly order?: UnitOrder;
}

/** One margin cell: the expected count Σ_U π_k z_k (= n × weighted population share) and the count drawn. */
export interface MarginBalance {
  readonly expected: number;
  readonly sample: number;
}

export interface BalancedSample extends CubeResult {
  /** Inclusion probabilities used, π_i = n w_i / Σw capped at 1 ({@link inclusionProbabilities}). */
  readonly pik: Float64Array;
  /** Variable → category → expected and drawn counts. */
  readonly balance: Readonly<Record<string, Readonly<Record<string, MarginBalance>>>>;
}

/**
 * Draws `n` units with probability proportional to `weights` (e.g. raked weights),
 * balanced on the margins of categorical `variables` by the cube method
 * (Deville & Tillé 2004): the balancing variables are x_k = π_k (fixed size n) and
 * x_k = π_k·1[k in category c] for every category but the last of each variable,
 * so the flight phase makes the drawn count of each category equal its expected
 * count Σ_U π_k 1[k in c] up to the landing's rounding of ≤ p units.
 *
 * Units with identical category combinations have identical balancing vectors
 * x_k/π_k, so the flight starts inside each such cell with the pivotal method
 * (Deville & Tillé 1998, Biometrika 85, 89–101), a cube step along e_i − e_j; it
 * leaves at most one undecided unit per cell. The flight then continues within
 * ever coarser blocks (units agreeing on all variables but the last two, then
 * the last three, …), where only the varying variables' rows constrain the move,
 * and ends with the fast flight ({@link flyCube}) on all variables over the few
 * units left; the landing suppresses variables, later ones first ({@link landCube}).
 * This generalises the stratified balanced sampling of Chauvet (2009, Survey
 * Methodology 35(1), 115–119): every move is a cube step in the kernel of the
 * full balancing matrix, so E[π] and the balancing totals are kept exactly.
 *
 * @throws InputError on no or unknown variables, bad weights, or `n` not in 1..N.
 */
export function balancedSample(
  columns: PopulationColumns,
  variables: readonly string[],
  weights: ArrayLike<number>,
  n: number,
  rng: Rng,
  options: BalancedSampleOptions = {},
): BalancedSample {
  if (variables.length === 0) throw new InputError(message.noBalancingVariable(), { field: 'variables' });
  const data = variables.map((v) => populationColumn(columns, v));
  checkWeights(weights);
  const size = weights.length;
  variables.forEach((v, i) => checkLength(data[i]!, size, v));
  const pik = inclusionProbabilities(weights, n);

  const levels: string[][] = [];
  const codes: Int32Array[] = data.map((column) => {
    // A typed array holds numbers only, so its values can key the map without String().
    const numeric = ArrayBuffer.isView(column);
    const index = new Map<string | number, number>();
    const out = new Int32Array(size);
    for (let k = 0; k < size; k++) {
      const key = numeric ? column[k]! : String(column[k]);
      let c = index.get(key);
      if (c === undefined) { c = index.size; index.set(key, c); }
      out[k] = c;
    }
    levels.push([...index.keys()].map(String));
    return out;
  });
  const offsets: number[] = [];
  let p = 1;
  for (const l of levels) { offsets.push(p); p += l.length - 1; }
  const row: BalancingRow = (k, out) => {
    out.fill(0, 0, p);
    out[0] = 1;
    for (let v = 0; v < codes.length; v++) {
      const c = codes[v]![k]!;
      if (c < levels[v]!.length - 1) out[offsets[v]! + c] = 1;
    }
  };

  const cell = cellIds(codes, levels.map((l) => l.length), size);
  const pi = Float64Array.from(pik);
  const order = unitOrder(options.order ?? 'random', size, rng);
  const open = pivotWithinCells(pi, cell, order, rng);
  const nested = flyWithinBlocks(pi, codes, levels.map((l) => l.length), open, rng);
  const left = flyCube(row, p, p, pi, nested, rng);
  const flightPik = Float64Array.from(pi);
  const dropped = landCube(row, p, pi, left, rng);

  const balance: Record<string, Record<string, MarginBalance>> = {};
  variables.forEach((v, i) => {
    const expected = new Float64Array(levels[i]!.length);
    const drawn = new Float64Array(levels[i]!.length);
    const code = codes[i]!;
    for (let k = 0; k < size; k++) { expected[code[k]!] += pik[k]!; drawn[code[k]!] += pi[k]!; }
    balance[v] = Object.fromEntries(levels[i]!.map((level, c) => [level, { expected: expected[c]!, sample: drawn[c]! }]));
  });
  return { sample: selected(pi), flightPik, landingUnits: left.length, droppedConstraints: dropped, pik, balance };
}

/** A dense id per distinct combination of codes. */
function cellIds(codes: Int32Array[], radix: number[], size: number): Int32Array {
  const ids = new Int32Array(size);
  const seen = new Map<number | string, number>();
  const product = radix.reduce((a, b) => a * b, 1);
  for (let k = 0; k < size; k++) {
    let key: number | string;
    if (product <= Number.MAX_SAFE_INTEGER) {
      key = 0;
      for (let v = 0; v < codes.length; v++) key = key * radix[v]! + codes[v]![k]!;
    } else {
      key = codes.map((c) => c[k]).join(',');
    }
    let id = seen.get(key);
    if (id === undefined) { id = seen.size; seen.set(key, id); }
    ids[k] = id;
  }
  return ids;
}

/**
 * The pivotal method within cells (Deville & Tillé 1998): two undecided units of a
 * cell pool their probabilities until one of them is decided; E[π] is kept and so
 * is each cell's Σπ. Returns the units left undecided (≤ 1 per cell), in `order`.
 */
function pivotWithinCells(pi: Float64Array, cell: Int32Array, order: Int32Array, rng: Rng): Int32Array {
  let cells = 0;
  for (let k = 0; k < cell.length; k++) if (cell[k]! >= cells) cells = cell[k]! + 1;
  const open = new Int32Array(cells).fill(-1);
  for (const k of order) {
    if (!(pi[k]! > 0 && pi[k]! < 1)) continue;
    const j = open[cell[k]!]!;
    if (j < 0) { open[cell[k]!] = k; continue; }
    const s = pi[j]! + pi[k]!;
    if (s < 1) {
      if (rng.next() * s < pi[j]!) { pi[j] = s; pi[k] = 0; } else { pi[k] = s; pi[j] = 0; }
    } else if (rng.next() * (2 - s) < 1 - pi[k]!) { pi[j] = 1; pi[k] = s - 1; } else { pi[k] = 1; pi[j] = s - 1; }
    for (const unit of [j, k]) {
      if (pi[unit]! < 1e-10) pi[unit] = 0;
      else if (pi[unit]! > 1 - 1e-10) pi[unit] = 1;
    }
    open[cell[k]!] = pi[j]! > 0 && pi[j]! < 1 ? j : pi[k]! > 0 && pi[k]! < 1 ? k : -1;
  }
  const left: number[] = [];
  for (const k of order) if (open[cell[k]!] === k) left.push(k);
  return Int32Array.from(left);
}

/**
 * The flight within nested blocks. For l = 2 … V − 1, units that agree on the
 * first V − l variables have the same entries in those variables' indicator rows,
 * so a vector u on a block with Σu = 0 and zero products with the rows of the last
 * l variables is in the kernel of the whole balancing matrix. Each block's flight
 * ({@link flyCube} on 1 + Σ_{last l} (K_v − 1) rows) leaves at most that many units
 * undecided. (l = 1 could not move: after the cell pivots such a block holds one
 * unit per category of the last variable, whose vectors are independent.) Units
 * are sorted by their codes so that every level's blocks are runs. Returns the
 * units still undecided.
 */
function flyWithinBlocks(pi: Float64Array, codes: Int32Array[], radix: number[], units: Int32Array, rng: Rng): Int32Array {
  const variables = codes.length;
  let current = Int32Array.from(units).sort((a, b) => {
    for (let v = 0; v < variables; v++) { const d = codes[v]![a]! - codes[v]![b]!; if (d !== 0) return d; }
    return 0;
  });
  for (let l = 2; l < variables && current.length > 1; l++) {
    const fixed = variables - l;
    const offsets: number[] = [];
    let q = 1;
    for (let v = fixed; v < variables; v++) { offsets.push(q); q += radix[v]! - 1; }
    const row: BalancingRow = (k, out) => {
      out.fill(0, 0, q);
      out[0] = 1;
      for (let v = fixed; v < variables; v++) {
        const c = codes[v]![k]!;
        if (c < radix[v]! - 1) out[offsets[v - fixed]! + c] = 1;
      }
    };
    const sameBlock = (a: number, b: number) => {
      for (let v = 0; v < fixed; v++) if (codes[v]![a] !== codes[v]![b]) return false;
      return true;
    };
    for (let start = 0; start < current.length;) {
      let end = start + 1;
      while (end < current.length && sameBlock(current[start]!, current[end]!)) end++;
      if (end - start > 1) flyCube(row, q, q, pi, current.subarray(start, end), rng);
      start = end;
    }
    current = current.filter((k) => pi[k]! > 0 && pi[k]! < 1);
  }
  return current;
}
