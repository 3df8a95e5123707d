import { majorityMatrix, type MajorityMatrix } from './majority-matrix.js';
import type { Profile } from './profile.js';
import { adjacencyFromMatrix, stronglyConnectedComponents } from '../graph/strongly-connected.js';

/**
 * Ids of the Schwartz set (GOCHA): the union of the minimal sets of candidates that no
 * outside candidate beats by a strict weighted majority (Schwartz, *The Logic of Collective
 * Choice*, 1986). These minimal undominated sets are exactly the source components of the
 * strict majority graph (i → j when margin(i, j) > 0). Sorted ids; a subset of the Smith set.
 */
export function schwartzSetIds(matrix: MajorityMatrix): number[] {
  const { m, margin } = matrix;
  const beats = (i: number, j: number) => margin[i * m + j] > 0;
  const { component, count } = stronglyConnectedComponents(adjacencyFromMatrix(m, beats));
  const dominated = new Uint8Array(count);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) if (component[i] !== component[j] && beats(i, j)) dominated[component[j]] = 1;
  }
  const ids: number[] = [];
  for (let c = 0; c < m; c++) if (dominated[component[c]] === 0) ids.push(c);
  return ids;
}

/** The Schwartz set by name (see {@link schwartzSetIds}). */
export function schwartzSet(profile: Profile): string[] {
  return schwartzSetIds(majorityMatrix(profile)).map((c) => profile.candidates[c]);
}
