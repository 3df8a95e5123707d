/**
 * A profile of weighted ballots over `candidates` (CONTRACTS.md `PROFILE.json`).
 *
 * A ranking ballot stores each candidate's *level* in its weak order: 0 is the best
 * level, tied candidates share a level, and candidates the ballot leaves out share
 * one level below all it lists. An approval ballot stores 1 for approved candidates.
 * Weights are positive reals (survey weights).
 */
export interface Ballot {
  /** Level per candidate (index = candidate id), 0 = best; absent for approval-only ballots. */
  readonly levels?: Int32Array;
  /** 1 = approved, per candidate; absent for ranking-only ballots. */
  readonly approved?: Uint8Array;
  readonly weight: number;
}

export interface Profile {
  readonly candidates: readonly string[];
  readonly ballots: readonly Ballot[];
}

/** What a rule returns (CONTRACTS.md `persona aggregate` output). */
export interface RuleResult {
  rule: string;
  /** Every winner when ties are not broken. */
  winners: string[];
  /** A weak order, best first, where the rule defines one. */
  ranking?: string[][];
  scores?: Record<string, number>;
  /** Candidate → probability, for probabilistic rules. */
  lottery?: Record<string, number>;
  /** The chosen k candidates, for committee rules. */
  committee?: string[];
  condorcetWinner?: string | null;
  [extra: string]: unknown;
}

/** The field naming ballot k (0-based) and, optionally, one of its keys: `ballots[k]`, `ballots[k].ranking`. */
export function ballotField(k: number, key?: string): string {
  return key === undefined ? `ballots[${k}]` : `ballots[${k}].${key}`;
}
