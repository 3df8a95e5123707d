import type { Profile, RuleResult } from './profile.js';

/**
 * How ties among winners are broken (CONTRACTS.md `persona aggregate --tiebreak`):
 * - `none`: every tied winner is reported;
 * - `lexicographic`: the earliest in the profile's `candidates` list wins (candidate index order);
 * - `random`: uniform among the tied, drawn from `Rng.fromSeed(seed).split('tiebreak')`.
 * Rules with internal ties (ranked pairs) may use the mode themselves; see their docs.
 * Single-winner rules: with `none`, `winners` is every winner (kemeny: every candidate first in
 * some optimal ranking). Probabilistic rules: `winners` is the lottery's support, never reduced.
 * Committee rules: `winners` is the committee, one committee, ties between committees broken
 * by candidate order whatever the mode (committee/committee-result.ts).
 */
export type TieBreak = 'none' | 'lexicographic' | 'random';

/** Options every rule receives; a rule reads only those it needs. */
export interface RuleOptions {
  /** Committee size, for committee rules. */
  readonly k?: number;
  /**
   * Committee rules: a ranking ballot approves its top `approvalTop` candidates (a tie
   * straddling the cut is approved whole; committee/approval-election.ts). Default: k.
   */
  readonly approvalTop?: number;
  readonly tiebreak: TieBreak;
  /** Seed for every random step (random tie-breaking, lotteries drawn, …). */
  readonly seed: number;
}

export type RuleKind = 'single' | 'committee' | 'probabilistic';

/** One entry of the rule registry (social-choice/registry.ts). */
export interface RuleSpec {
  /** One line, shown by `persona aggregate --list`. */
  readonly definition: string;
  readonly kind: RuleKind;
  /** Synchronous, except for rules that may need the (lazily loaded) HiGHS solver. */
  run(profile: Profile, options: RuleOptions): RuleResult | Promise<RuleResult>;
}
