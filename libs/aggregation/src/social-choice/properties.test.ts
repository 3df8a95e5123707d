import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { approxEqual } from '../../test/approx-equal.js';
import { condorcetWinner } from './condorcet.js';
import type { Profile, RuleResult } from './profile.js';
import { parseProfile } from './read-profile.js';
import { ruleNames, rules, runRule } from './registry.js';

/**
 * Random profiles: 2–5 candidates, 1–7 ballots, each a weak order (random levels) that also
 * approves its top level, with integer weights (exact arithmetic, so invariances hold exactly).
 */
const rawProfile = fc.integer({ min: 2, max: 5 }).chain((m) =>
  fc.record({
    m: fc.constant(m),
    ballots: fc.array(
      fc.record({ levels: fc.array(fc.integer({ min: 0, max: m - 1 }), { minLength: m, maxLength: m }), weight: fc.integer({ min: 1, max: 6 }) }),
      { minLength: 1, maxLength: 7 },
    ),
  }),
);

type Raw = { m: number; ballots: { levels: number[]; weight: number }[] };

function toProfile(raw: Raw, names: string[] = 'abcde'.slice(0, raw.m).split('')): Profile {
  const candidates = names;
  return parseProfile({
    candidates: names,
    ballots: raw.ballots.map(({ levels, weight }) => {
      const used = [...new Set(levels)].sort((x, y) => x - y);
      const ranking = used.map((l) => candidates.filter((_, c) => levels[c] === l));
      return { ranking, approved: ranking[0], weight };
    }),
  });
}

const options = (rule: string, m: number) => ({ tiebreak: 'none' as const, seed: 1, k: rules[rule].kind === 'committee' ? Math.min(2, m) : undefined });
/**
 * Every registered rule is checked. Committee rules on these small profiles are solved by
 * exhaustive search (thiele.ts), not by HiGHS, so they get as many runs as the others.
 * (They used to get 4: each exact PAV/CC call then cost 50–200 ms of ILP solves.)
 */
const ruleGroups = [
  { rules: ruleNames().filter((r) => rules[r].kind !== 'committee'), runs: 40 },
  { rules: ruleNames().filter((r) => rules[r].kind === 'committee'), runs: 40 },
];
/** Asserts the same outcome: winners as a set, committee, and lottery (probabilities up to rounding). */
function expectSameOutcome(rule: string, a: RuleResult, b: RuleResult): void {
  expect([...a.winners].sort(), rule).toEqual([...b.winners].sort());
  expect(a.committee && [...a.committee].sort(), rule).toEqual(b.committee && [...b.committee].sort());
  expect(Object.keys(a.lottery ?? {}), rule).toEqual(Object.keys(b.lottery ?? {}));
  for (const [name, p] of Object.entries(a.lottery ?? {})) approxEqual(p, b.lottery![name], 1e-9, 1e-12);
}

describe('properties (fast-check)', () => {
  it('Condorcet-consistent rules elect exactly the Condorcet winner when there is one', async () => {
    const consistent = ['condorcet', 'copeland', 'maximin', 'schulze', 'ranked-pairs', 'black', 'nanson', 'baldwin', 'kemeny'].filter((r) => r in rules);
    await fc.assert(
      fc.asyncProperty(rawProfile, async (raw) => {
        const p = toProfile(raw);
        const cw = condorcetWinner(p);
        fc.pre(cw !== null);
        for (const rule of consistent) expect((await runRule(rule, p, options(rule, raw.m))).winners, rule).toEqual([cw]);
      }),
      { numRuns: 150 },
    );
  });

  for (const group of ruleGroups) {
    it(`${group.rules.length > 0 && rules[group.rules[0]].kind === 'committee' ? 'committee' : 'single-winner and probabilistic'} rules are invariant to the order of ballots (anonymity)`, async () => {
      await fc.assert(
        fc.asyncProperty(rawProfile, fc.integer(), async (raw, salt) => {
          const shuffled = { ...raw, ballots: [...raw.ballots].sort((x, y) => ((x.weight * 31 + salt) % 7) - ((y.weight * 31 + salt) % 7)).reverse() };
          for (const rule of group.rules) {
            expectSameOutcome(rule, await runRule(rule, toProfile(shuffled), options(rule, raw.m)), await runRule(rule, toProfile(raw), options(rule, raw.m)));
          }
        }),
        { numRuns: group.runs },
      );
    });

    it(`${group.rules.length > 0 && rules[group.rules[0]].kind === 'committee' ? 'committee' : 'single-winner and probabilistic'} rules are invariant to splitting a weighted ballot into two of the same total weight`, async () => {
      await fc.assert(
        fc.asyncProperty(rawProfile, fc.nat(), async (raw, pick) => {
          const b = pick % raw.ballots.length;
          const ballot = raw.ballots[b];
          fc.pre(ballot.weight >= 2);
          const part = 1 + (pick % (ballot.weight - 1));
          const split = { ...raw, ballots: [...raw.ballots, { ...ballot, weight: ballot.weight - part }] };
          split.ballots[b] = { ...ballot, weight: part };
          for (const rule of group.rules) {
            expectSameOutcome(rule, await runRule(rule, toProfile(split), options(rule, raw.m)), await runRule(rule, toProfile(raw), options(rule, raw.m)));
          }
        }),
        { numRuns: group.runs },
      );
    });
  }

  it('neutrality spot check: renaming candidates renames the winners', async () => {
    await fc.assert(
      fc.asyncProperty(rawProfile, async (raw) => {
        const names = ['v', 'w', 'x', 'y', 'z'].slice(0, raw.m).reverse();
        const renamed = toProfile(raw, names);
        const original = toProfile(raw);
        for (const rule of ruleNames().filter((r) => rules[r].kind === 'single')) {
          const a = (await runRule(rule, original, options(rule, raw.m))).winners.map((w) => names[original.candidates.indexOf(w)]).sort();
          expect((await runRule(rule, renamed, options(rule, raw.m))).winners.sort(), rule).toEqual(a);
        }
      }),
      { numRuns: 60 },
    );
  });
});
