import type { RuleResult } from '../profile.js';

/**
 * A committee rule's result (CONTRACTS.md `committee`): `committee` and `winners` both list the
 * k members in candidate order — for a committee rule "the winners" are the committee. Each rule
 * returns ONE committee: ties between committees (or, in the sequential rules, between
 * candidates at a step) are broken by candidate order, whatever `--tiebreak` says, as each
 * rule's doc comment states. `extra` adds rule-specific fields (`exact`, `score`,
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
