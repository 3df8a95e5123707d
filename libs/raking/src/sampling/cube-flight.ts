import type { Rng } from '@persona/core';

/**
 * Writes unit k's balancing vector a_k = x_k / π_k (its `p` entries) into `out`.
 * The cube method keeps Σ_k a_k π_k fixed (Deville & Tillé 2004, eq. 4).
 */
export type BalancingRow = (unit: number, out: Float64Array) => void;

/** Probabilities within this distance of 0 or 1 are taken as decided (as `sampling`'s EPS). */
const DECIDED = 1e-10;

/**
 * The fast flight phase of the cube method (Chauvet & Tillé 2006, "A fast
 * algorithm for balanced sampling", Computational Statistics 21, 53–62; R
 * `sampling::fastflightcube`): a window of at most q + 1 undecided units moves
 * along `units`; at each step a vector u of the kernel of the window's q × m
 * balancing matrix is found, π moves to π + λ1·u with probability λ2/(λ1+λ2) and to
 * π − λ2·u otherwise (λ1, λ2 the largest steps staying in [0, 1]^m), so E[π] is
 * unchanged, the first q balancing totals Σ a_k π_k are kept exactly, and at least
 * one unit is decided per step. Only the first `q` entries of each a_k are used.
 *
 * Mutates `pi`; returns the units still undecided (at most rank ≤ q of them), in order.
 */
export function flyCube(
  row: BalancingRow,
  p: number,
  q: number,
  pi: Float64Array,
  units: Int32Array,
  rng: Rng,
): Int32Array {
  const width = q + 1;
  const stride = width;
  const basis = new Float64Array(Math.max(q, 1) * width);
  const work = new Float64Array(Math.max(q, 1) * width);
  const slot = new Int32Array(width);
  const a = new Float64Array(Math.max(p, 1));
  const u = new Float64Array(width);
  const pivots = new Int32Array(width);
  let m = 0;
  let next = 0;
  const load = (s: number, unit: number) => {
    slot[s] = unit;
    row(unit, a);
    for (let j = 0; j < q; j++) basis[j * stride + s] = a[j]!;
  };
  for (;;) {
    while (m < width && next < units.length) {
      const unit = units[next++]!;
      if (pi[unit]! > 0 && pi[unit]! < 1) load(m++, unit);
    }
    if (m === 0) break;
    if (!kernelVector(basis, work, q, m, stride, u, pivots)) break;
    let l1 = Infinity, l2 = Infinity, arg1 = -1, arg2 = -1;
    for (let s = 0; s < m; s++) {
      const us = u[s]!;
      if (us === 0) continue;
      const ps = pi[slot[s]!]!;
      const up = us > 0 ? (1 - ps) / us : -ps / us;
      const down = us > 0 ? ps / us : (ps - 1) / us;
      if (up < l1) { l1 = up; arg1 = s; }
      if (down < l2) { l2 = down; arg2 = s; }
    }
    const plus = rng.next() * (l1 + l2) < l2;
    const step = plus ? l1 : -l2;
    const hit = plus ? arg1 : arg2;
    for (let s = 0; s < m; s++) {
      const k = slot[s]!;
      let v = pi[k]! + step * u[s]!;
      if (v < DECIDED) v = 0;
      else if (v > 1 - DECIDED) v = 1;
      pi[k] = v;
    }
    const hitUnit = slot[hit]!;
    pi[hitUnit] = Math.round(pi[hitUnit]!);
    // Drop decided units from the window, keeping the others' columns in place order.
    let kept = 0;
    for (let s = 0; s < m; s++) {
      const k = slot[s]!;
      if (pi[k]! > 0 && pi[k]! < 1) {
        if (kept !== s) {
          slot[kept] = k;
          for (let j = 0; j < q; j++) basis[j * stride + kept] = basis[j * stride + s]!;
        }
        kept++;
      }
    }
    m = kept;
  }
  return slot.slice(0, m);
}

/**
 * A non-zero vector u with B u = 0 for the q × m matrix B held in `basis`
 * (row-major, `stride` columns), by Gaussian elimination with partial pivoting up
 * to the first column that is not a pivot, then back substitution. Entries of u
 * below 1e-12 of its largest are set to 0. Returns false when B has full column rank.
 */
function kernelVector(
  basis: Float64Array,
  work: Float64Array,
  q: number,
  m: number,
  stride: number,
  u: Float64Array,
  pivots: Int32Array,
): boolean {
  let scale = 0;
  for (let i = 0; i < q; i++) {
    for (let c = 0; c < m; c++) {
      const v = basis[i * stride + c]!;
      work[i * stride + c] = v;
      if (Math.abs(v) > scale) scale = Math.abs(v);
    }
  }
  const tol = 1e-9 * (scale > 0 ? scale : 1);
  let r = 0;
  let free = -1;
  for (let c = 0; c < m; c++) {
    if (r === q) { free = c; break; }
    let best = r, bestAbs = Math.abs(work[r * stride + c]!);
    for (let i = r + 1; i < q; i++) {
      const v = Math.abs(work[i * stride + c]!);
      if (v > bestAbs) { bestAbs = v; best = i; }
    }
    if (bestAbs <= tol) { free = c; break; }
    if (best !== r) {
      for (let cc = c; cc < m; cc++) {
        const t = work[r * stride + cc]!;
        work[r * stride + cc] = work[best * stride + cc]!;
        work[best * stride + cc] = t;
      }
    }
    const pv = work[r * stride + c]!;
    for (let i = r + 1; i < q; i++) {
      const f = work[i * stride + c]! / pv;
      if (f === 0) continue;
      work[i * stride + c] = 0;
      for (let cc = c + 1; cc < m; cc++) work[i * stride + cc] = work[i * stride + cc]! - f * work[r * stride + cc]!;
    }
    pivots[r++] = c;
  }
  if (free < 0) return false;
  u.fill(0, 0, m);
  u[free] = 1;
  for (let i = r - 1; i >= 0; i--) {
    let s = work[i * stride + free]!;
    for (let i2 = i + 1; i2 < r; i2++) s += work[i * stride + pivots[i2]!]! * u[pivots[i2]!]!;
    u[pivots[i]!] = -s / work[i * stride + pivots[i]!]!;
  }
  let big = 0;
  for (let c = 0; c < m; c++) if (Math.abs(u[c]!) > big) big = Math.abs(u[c]!);
  for (let c = 0; c < m; c++) if (Math.abs(u[c]!) < 1e-12 * big) u[c] = 0;
  return true;
}

/**
 * The landing phase by suppression of balancing variables (Deville & Tillé 2004,
 * §5.2; R `samplecube(..., method = 2)`): the flight is rerun on the units left
 * undecided with the last balancing variable dropped, then the last two, …, down
 * to none (a Bernoulli draw). Variables listed first are therefore kept longest.
 *
 * Mutates `pi`; returns how many variables had to be dropped.
 */
export function landCube(row: BalancingRow, p: number, pi: Float64Array, undecided: Int32Array, rng: Rng): number {
  let left = undecided;
  let q = p;
  while (left.length > 0 && q > 0) {
    q--;
    left = flyCube(row, p, q, pi, left, rng);
  }
  return p - q;
}
