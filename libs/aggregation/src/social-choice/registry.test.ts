import { InputError } from '@persona/core';
import { describe, expect, it } from 'vitest';
import { approxEqual } from '../../test/approx-equal.js';
import { profileOf } from '../../test/profiles.js';
import { message } from '../messages.js';
import { parseProfile } from './read-profile.js';
import { getRule, ruleNames, rules, runRule } from './registry.js';

const cycle = () => profileOf(['a', 'b', 'c'], [['abc', 1], ['bca', 1], ['cab', 1]]);

describe('rule registry', () => {
  it('holds at least the rules CONTRACTS.md names, each with a one-line definition', () => {
    const required = ['plurality', 'antiplurality', 'borda', 'copeland', 'maximin', 'schulze', 'ranked-pairs', 'kemeny', 'irv', 'coombs', 'baldwin', 'nanson', 'bucklin', 'black', 'condorcet', 'approval', 'maximal-lottery', 'random-dictator', 'pav', 'cc', 'phragmen', 'equal-shares'];
    for (const name of required) expect(ruleNames()).toContain(name);
    for (const name of ruleNames()) {
      expect(rules[name].definition.length, name).toBeGreaterThan(10);
      expect(rules[name].definition.includes('\n'), name).toBe(false);
    }
    expect(ruleNames()).toEqual([...ruleNames()].sort());
  });

  it('rejects an unknown rule, listing the valid ones', () => {
    expect(() => getRule('bordaa')).toThrow(new InputError(message.unknownRule('bordaa', ruleNames()), { field: '--rule' }));
    expect(() => getRule('toString')).toThrow(InputError);
  });

  it('refuses --k for a single-winner rule and requires it for committee rules', async () => {
    await expect(runRule('borda', cycle(), { k: 2, tiebreak: 'none', seed: 0 })).rejects.toThrow(new InputError(message.kNotForRule('borda'), { field: '--k' }));
    const committee = ruleNames().find((name) => rules[name].kind === 'committee');
    if (committee !== undefined) {
      await expect(runRule(committee, cycle(), { tiebreak: 'none', seed: 0 })).rejects.toThrow(new InputError(message.committeeNeedsK(committee), { field: '--k' }));
      await expect(runRule(committee, cycle(), { k: 4, tiebreak: 'none', seed: 0 })).rejects.toThrow(new InputError(message.badK(4, 3), { field: '--k' }));
      await expect(runRule(committee, cycle(), { k: 2, approvalTop: 1.5, tiebreak: 'none', seed: 0 })).rejects.toThrow(new InputError(message.badTop(1.5), { field: '--approval-top' }));
    }
    await expect(runRule('borda', cycle(), { approvalTop: 2, tiebreak: 'none', seed: 0 })).rejects.toThrow(
      new InputError(message.approvalTopNotForRule('borda'), { field: '--approval-top' }),
    );
  });

  it('passes --approval-top to every committee rule (a ranking approves its top T)', async () => {
    // Hand-computed: a > b > c weighs 3, b > c > a weighs 2. Top 1 approves {a}×3, {b}×2, so every
    // rule's single seat goes to a; top 2 approves {a, b}×3, {b, c}×2, so b (approved by all 5) wins it.
    const profile = profileOf(['a', 'b', 'c'], [['abc', 3], ['bca', 2]]);
    for (const rule of ruleNames().filter((name) => rules[name].kind === 'committee')) {
      expect((await runRule(rule, profile, { k: 1, tiebreak: 'none', seed: 0 })).committee, rule).toEqual(['a']);
      expect((await runRule(rule, profile, { k: 1, approvalTop: 2, tiebreak: 'none', seed: 0 })).committee, rule).toEqual(['b']);
    }
  });

  it('reports every tied winner with --tiebreak none, the earliest candidate with lexicographic', async () => {
    expect((await runRule('borda', cycle(), { tiebreak: 'none', seed: 0 })).winners).toEqual(['a', 'b', 'c']);
    const lex = await runRule('borda', profileOf(['c', 'b', 'a'], [['abc', 1], ['bca', 1], ['cab', 1]]), { tiebreak: 'lexicographic', seed: 0 });
    // Candidate order c, b, a: the earliest listed is c.
    expect(lex.winners).toEqual(['c']);
    expect(lex.tiedWinners).toEqual(['c', 'b', 'a']);
  });

  it('breaks ties at random reproducibly: same seed, same winner; every tied winner for some seed', async () => {
    const drawn = new Set<string>();
    for (let seed = 0; seed < 40; seed++) {
      const result = await runRule('copeland', cycle(), { tiebreak: 'random', seed });
      expect(await runRule('copeland', cycle(), { tiebreak: 'random', seed })).toEqual(result);
      drawn.add(result.winners[0]);
    }
    expect([...drawn].sort()).toEqual(['a', 'b', 'c']);
  });

  it('with --tiebreak none every rule is neutral on fully symmetric profiles', async () => {
    // Oracle: neutrality. Rotating a → b → c maps the 3-cycle to itself, and every permutation maps
    // the all-tied profile to itself, so a rule reporting every winner must report all three, with
    // equal scores, one tied group as ranking (kemeny: one optimal ranking of several, unique false)
    // and a uniform lottery. Committee rules return one committee — winners = committee — with
    // ties between committees going to the earliest candidates (committee-result.ts).
    const symmetric = {
      cycle: parseProfile({
        candidates: ['a', 'b', 'c'],
        ballots: [
          { ranking: ['a', 'b', 'c'], approved: ['a'], weight: 2.5 },
          { ranking: ['b', 'c', 'a'], approved: ['b'], weight: 2.5 },
          { ranking: ['c', 'a', 'b'], approved: ['c'], weight: 2.5 },
        ],
      }),
      allTied: parseProfile({ candidates: ['a', 'b', 'c'], ballots: [{ ranking: [['a', 'b', 'c']], approved: ['a', 'b', 'c'], weight: 3 }] }),
    };
    for (const [name, profile] of Object.entries(symmetric)) {
      for (const rule of ruleNames()) {
        const what = `${rule} on ${name}`;
        const committee = rules[rule].kind === 'committee';
        const result = await runRule(rule, profile, { tiebreak: 'none', seed: 0, k: committee ? 2 : undefined });
        if (committee) {
          expect(result.committee, what).toEqual(['a', 'b']);
          expect(result.winners, what).toEqual(result.committee);
          continue;
        }
        expect(result.winners, what).toEqual(['a', 'b', 'c']);
        if (result.scores) expect(new Set(Object.values(result.scores)).size, what).toBe(1);
        if (result.lottery) for (const p of Object.values(result.lottery)) approxEqual(p, 1 / 3, 1e-12);
        if (rule === 'kemeny') expect(result.unique, what).toBe(false);
        else if (result.ranking) expect(result.ranking, what).toEqual([['a', 'b', 'c']]);
      }
    }
  });
});
