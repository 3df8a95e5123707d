import { majorityMatrix, type MajorityMatrix } from './majority-matrix.js';
import type { Profile } from './profile.js';
import { stronglyConnectedComponents } from './strongly-connected.js';

/**
 * Ids of the Schwartz set (GOCHA): the union of the minimal sets of candidates that no
 * outside candidate beats by a strict weighted majority (Schwartz, *The Logic of Collective
 * Choice*, 1986). These minimal undominated sets are exactly the source components of the
 * strict majority graph (i → j when margin(i, j) > 0). Sorted ids; a subset of the Smith set.
 */
export function schwartzSetIds(matrix: MajorityMatrix): number[] {
  const { m, margin } = matrix;
  const beats = (i: number, j: number) => margin[i * m + j] > 0;
  const components = stronglyConnectedComponents(m, beats);
  const componentOf = new Int32Array(m);
  components.forEach((component, k) => {
    for (const c of component) componentOf[c] = k;
  });
  const dominated = new Uint8Array(components.length);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) if (componentOf[i] !== componentOf[j] && beats(i, j)) dominated[componentOf[j]] = 1;
  }
  const ids: number[] = [];
  components.forEach((component, k) => {
    if (dominated[k] === 0) ids.push(...component);
  });
  return ids.sort((a, b) => a - b);
}

/** The Schwartz set by name (see {@link schwartzSetIds}). */
export function schwartzSet(profile: Profile): string[] {
  return schwartzSetIds(majorityMatrix(profile)).map((c) => profile.candidates[c]);
}
