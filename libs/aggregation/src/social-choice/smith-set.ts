import { majorityMatrix, type MajorityMatrix } from './majority-matrix.js';
import type { Profile } from './profile.js';
import { adjacencyFromMatrix, componentMembers, stronglyConnectedComponents } from '../graph/strongly-connected.js';

/**
 * Ids of the Smith set: the smallest non-empty set of candidates each of which beats every
 * candidate outside it by a strict weighted majority (Smith, "Aggregation of preferences with
 * variable electorate", *Econometrica* 41(6), 1973; the "top cycle" / GETCHA of Schwartz 1986).
 * It is the top strongly connected component of the weak majority graph (i → j when
 * margin(i, j) ≥ 0), which is complete, so its condensation is a chain and Tarjan emits the top
 * component last. Sorted ids.
 */
export function smithSetIds(matrix: MajorityMatrix): number[] {
  const { m, margin } = matrix;
  const components = componentMembers(stronglyConnectedComponents(adjacencyFromMatrix(m, (i, j) => margin[i * m + j] >= 0)));
  return components[components.length - 1];
}

/** The Smith set by name (see {@link smithSetIds}). */
export function smithSet(profile: Profile): string[] {
  return smithSetIds(majorityMatrix(profile)).map((c) => profile.candidates[c]);
}
