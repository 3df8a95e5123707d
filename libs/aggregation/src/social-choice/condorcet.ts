import { majorityMatrix, type MajorityMatrix } from './majority-matrix.js';
import type { Profile, RuleResult } from './profile.js';
import type { RuleSpec } from './rule.js';

/** Id of the candidate with a positive margin against every other, or -1 (Condorcet 1785). */
export function condorcetWinnerId(matrix: MajorityMatrix): number {
  const { m, margin } = matrix;
  outer: for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) if (j !== i && !(margin[i * m + j] > 0)) continue outer;
    return i;
  }
  return -1;
}

/** Id of the candidate with a negative margin against every other, or -1. */
export function condorcetLoserId(matrix: MajorityMatrix): number {
  const { m, margin } = matrix;
  outer: for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) if (j !== i && !(margin[i * m + j] < 0)) continue outer;
    return i;
  }
  return -1;
}

/**
 * The Condorcet winner: the candidate a strict weighted majority prefers to each other
 * candidate (weak orders; ties count for neither side), or null when there is none.
 * Zwicker, "Introduction to the theory of voting", *Handbook of Computational Social Choice*, 2016.
 */
export function condorcetWinner(profile: Profile): string | null {
  const id = condorcetWinnerId(majorityMatrix(profile));
  return id < 0 ? null : profile.candidates[id];
}

/** The Condorcet loser (beaten by a strict weighted majority by each other candidate), or null. */
export function condorcetLoser(profile: Profile): string | null {
  const id = condorcetLoserId(majorityMatrix(profile));
  return id < 0 ? null : profile.candidates[id];
}

/**
 * The `condorcet` rule as pref_voting's `condorcet` (Holliday & Pacuit, pref_voting docs,
 * "Condorcet"): the Condorcet winner if there is one, otherwise every candidate; the result
 * carries `condorcetWinner` (null when there is none).
 */
export function condorcet(profile: Profile): RuleResult {
  const winner = condorcetWinner(profile);
  return { rule: 'condorcet', winners: winner === null ? [...profile.candidates] : [winner], condorcetWinner: winner };
}

export const condorcetRule: RuleSpec = {
  definition: 'the Condorcet winner (beats every other candidate by weighted majority), else every candidate',
  kind: 'single',
  run: (profile) => condorcet(profile),
};
