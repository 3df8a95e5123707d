import { InputError, type Rng } from '@persona/core';
import { flyCube, landCube, type BalancingRow } from './cube-flight.js';
import { message } from '../messages.js';
import { unitOrder, type UnitOrder } from './unit-order.js';
import { checkInclusionProbabilities } from './validate.js';

export interface CubeOptions {
  /** Order of the units along which the flight's window moves (default `'random'`, as `samplecube(order = 1)`). */
  readonly order?: UnitOrder;
}

export interface CubeResult {
  /** Selected unit indices, ascending. */
  readonly sample: Int32Array;
  /** π* after the flight phase: Σ_k x_k π*_k / π_k = Σ_k x_k exactly (to rounding). */
  readonly flightPik: Float64Array;
  /** Units left undecided by the flight (at most the number of balancing variables). */
  readonly landingUnits: number;
  /** Balancing variables dropped (last first) in the landing phase. */
  readonly droppedConstraints: number;
}

/**
 * Balanced sampling by the cube method (Deville & Tillé 2004, "Efficient balanced
 * sampling: the cube method", Biometrika 91(4), 893–912): a random sample with
 * inclusion probabilities π whose Horvitz–Thompson estimates of the totals of the
 * balancing variables x_j equal (or nearly equal) their population totals,
 * Σ_{k∈S} x_kj/π_k ≈ Σ_U x_kj. Flight phase: {@link flyCube} (the fast algorithm of
 * Chauvet & Tillé 2006); landing phase: suppression of variables, the last listed
 * first ({@link landCube}), as R `sampling::samplecube(X, pik, method = 2)`.
 * Put x = π as the first column to fix the sample size at Σπ.
 *
 * @param pik inclusion probabilities in [0, 1].
 * @param balancing the balancing variables x_j, each one value per unit.
 * @throws InputError when π is outside [0, 1], no variable is given, or a column's length differs.
 */
export function cubeSample(
  pik: ArrayLike<number>,
  balancing: readonly ArrayLike<number>[],
  rng: Rng,
  options: CubeOptions = {},
): CubeResult {
  checkInclusionProbabilities(pik);
  const size = pik.length;
  const p = balancing.length;
  if (p === 0) throw new InputError(message.noBalancingVariable(), { field: 'balancing' });
  balancing.forEach((column, j) => {
    if (column.length !== size) {
      throw new InputError(message.balancingColumnLength(j, size, column.length), { field: 'balancing' });
    }
    for (let k = 0; k < size; k++) {
      if (!Number.isFinite(column[k]!)) throw new InputError(message.valueNotFinite(column[k]!), { field: 'balancing', index: k });
    }
  });
  // Each variable is divided by its mean |x/π| so that the rank tolerance treats every row alike (the kernel is unchanged).
  const unit = balancing.map((column) => {
    let s = 0, m = 0;
    for (let k = 0; k < size; k++) if (pik[k]! > 0) { s += Math.abs(column[k]! / pik[k]!); m++; }
    return s > 0 ? m / s : 1;
  });
  const row: BalancingRow = (k, out) => {
    for (let j = 0; j < p; j++) out[j] = (balancing[j]![k]! / pik[k]!) * unit[j]!;
  };
  const pi = Float64Array.from(pik);
  const order = unitOrder(options.order ?? 'random', size, rng);
  const left = flyCube(row, p, p, pi, order, rng);
  const flightPik = Float64Array.from(pi);
  const dropped = landCube(row, p, pi, left, rng);
  return { sample: selected(pi), flightPik, landingUnits: left.length, droppedConstraints: dropped };
}

/** Indices of the units whose final π is 1. */
export function selected(pi: Float64Array): Int32Array {
  let count = 0;
  for (let k = 0; k < pi.length; k++) if (pi[k] === 1) count++;
  const out = new Int32Array(count);
  let c = 0;
  for (let k = 0; k < pi.length; k++) if (pi[k] === 1) out[c++] = k;
  return out;
}
