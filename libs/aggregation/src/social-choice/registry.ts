import { InputError } from '@persona/core';
import { message } from '../messages.js';
import type { Profile, RuleResult } from './profile.js';
import type { RuleOptions, RuleSpec } from './rule.js';
import { breakTie } from './break-tie.js';
import { antipluralityRule } from './antiplurality.js';
import { approvalRule } from './approval.js';
import { baldwinRule } from './baldwin.js';
import { blackRule } from './black.js';
import { bordaRule } from './borda.js';
import { bucklinRule } from './bucklin.js';
import { chamberlinCourantRule } from './committee/chamberlin-courant.js';
import { equalSharesRule } from './committee/equal-shares.js';
import { pavRule } from './committee/pav.js';
import { phragmenRule } from './committee/phragmen.js';
import { condorcetRule } from './condorcet.js';
import { coombsRule } from './coombs.js';
import { copelandRule } from './copeland.js';
import { irvRule } from './irv.js';
import { kemenyRule } from './kemeny.js';
import { maximalLotteryRule } from './maximal-lottery.js';
import { maximinRule } from './maximin.js';
import { nansonRule } from './nanson.js';
import { pluralityRule } from './plurality.js';
import { randomDictatorRule } from './random-dictator.js';
import { rankedPairsRule } from './ranked-pairs.js';
import { schulzeRule } from './schulze.js';

/**
 * THE RULE REGISTRY: rule name (as given to `persona aggregate --rule`) → its spec.
 *
 * To add a rule: one import line above and one entry line below, e.g.
 *     import { kemenyRule } from './kemeny.js';
 *     kemeny: kemenyRule,
 * where `kemenyRule: RuleSpec = { definition: 'one line', kind: 'single', run: (profile, options) => … }`
 * lives beside the rule's function. Keep the entries in alphabetical order.
 */
export const rules: Readonly<Record<string, RuleSpec>> = {
  antiplurality: antipluralityRule,
  approval: approvalRule,
  baldwin: baldwinRule,
  black: blackRule,
  borda: bordaRule,
  bucklin: bucklinRule,
  cc: chamberlinCourantRule,
  condorcet: condorcetRule,
  coombs: coombsRule,
  copeland: copelandRule,
  'equal-shares': equalSharesRule,
  irv: irvRule,
  kemeny: kemenyRule,
  'maximal-lottery': maximalLotteryRule,
  maximin: maximinRule,
  nanson: nansonRule,
  pav: pavRule,
  phragmen: phragmenRule,
  plurality: pluralityRule,
  'random-dictator': randomDictatorRule,
  'ranked-pairs': rankedPairsRule,
  schulze: schulzeRule,
};

/** Rule names, sorted. */
export function ruleNames(): string[] {
  return Object.keys(rules).sort();
}

/**
 * Looks a rule up by name.
 * @throws InputError (field `--rule`) naming the valid rules when `name` is unknown.
 */
export function getRule(name: string): RuleSpec {
  const spec = Object.hasOwn(rules, name) ? rules[name] : undefined;
  if (spec === undefined) throw new InputError(message.unknownRule(name, ruleNames()), { field: '--rule' });
  return spec;
}

/**
 * Runs the rule `name` on `profile`: checks `--k` (required for committee rules, integer in
 * 1..m; refused for the others) and `--approval-top` (committee rules only, integer ≥ 1), runs it, then breaks any remaining tie among the winners of a
 * single-winner rule as `options.tiebreak` says (`lexicographic`: earliest in `candidates`;
 * `random`: uniform, from `Rng.fromSeed(seed).split('tiebreak')`). When a tie was broken the
 * result keeps every tied winner in `tiedWinners`.
 * Asynchronous because a few rules load the HiGHS solver on first use (highs-solver.ts).
 * @throws InputError (as a rejected promise) for an unknown rule or a missing/invalid `--k`.
 */
export async function runRule(name: string, profile: Profile, options: RuleOptions): Promise<RuleResult> {
  const spec = getRule(name);
  const m = profile.candidates.length;
  if (spec.kind === 'committee') {
    if (options.k === undefined) throw new InputError(message.committeeNeedsK(name), { field: '--k' });
    if (!Number.isInteger(options.k) || options.k < 1 || options.k > m) {
      throw new InputError(message.badK(options.k, m), { field: '--k' });
    }
    if (options.approvalTop !== undefined && (!Number.isInteger(options.approvalTop) || options.approvalTop < 1)) {
      throw new InputError(message.badTop(options.approvalTop), { field: '--approval-top' });
    }
  } else if (options.k !== undefined) {
    throw new InputError(message.kNotForRule(name), { field: '--k' });
  } else if (options.approvalTop !== undefined) {
    throw new InputError(message.approvalTopNotForRule(name), { field: '--approval-top' });
  }
  const result = await spec.run(profile, options);
  if (spec.kind !== 'single' || options.tiebreak === 'none' || result.winners.length <= 1) return result;
  const order = new Map(profile.candidates.map((c, i) => [c, i] as const));
  const tied = [...result.winners].sort((a, b) => order.get(a)! - order.get(b)!);
  const chosen = breakTie(tied, options);
  return { ...result, winners: [chosen], tiedWinners: tied };
}
