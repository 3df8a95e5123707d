import type { RuleResult } from '../profile.js';

/**
 * A committee rule's result (CONTRACTS.md `committee`): `committee` and `winners` list the k
 * members in candidate order; `extra` adds rule-specific fields (`exact`, `score`,
 * `selectionOrder`, …).
 */
export function committeeResult(rule: string, candidates: readonly string[], member: Uint8Array, extra: Record<string, unknown> = {}): RuleResult {
  const committee = candidates.filter((_, c) => member[c] === 1);
  return { rule, winners: [...committee], committee, ...extra };
}

/** The 0/1 mask of a list of candidate indices. */
export function maskOf(m: number, members: ArrayLike<number>): Uint8Array {
  const mask = new Uint8Array(m);
  for (let i = 0; i < members.length; i++) mask[members[i]] = 1;
  return mask;
}
