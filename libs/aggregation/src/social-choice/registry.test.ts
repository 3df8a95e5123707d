import { InputError } from '@persona/core';
import { describe, expect, it } from 'vitest';
import { profileOf } from '../../test/profiles.js';
import { message } from '../messages.js';
import { getRule, ruleNames, rules, runRule } from './registry.js';

const cycle = () => profileOf(['a', 'b', 'c'], [['abc', 1], ['bca', 1], ['cab', 1]]);

describe('rule registry', () => {
  it('holds at least the rules CONTRACTS.md names for this helper, each with a one-line definition', () => {
    const required = ['plurality', 'antiplurality', 'borda', 'copeland', 'maximin', 'schulze', 'ranked-pairs', 'irv', 'coombs', 'baldwin', 'nanson', 'bucklin', 'black', 'condorcet', 'approval'];
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

  it('refuses --k for a single-winner rule and requires it for committee rules', () => {
    expect(() => runRule('borda', cycle(), { k: 2, tiebreak: 'none', seed: 0 })).toThrow(new InputError(message.kNotForRule('borda'), { field: '--k' }));
    const committee = ruleNames().find((name) => rules[name].kind === 'committee');
    if (committee !== undefined) {
      expect(() => runRule(committee, cycle(), { tiebreak: 'none', seed: 0 })).toThrow(new InputError(message.committeeNeedsK(committee), { field: '--k' }));
      expect(() => runRule(committee, cycle(), { k: 4, tiebreak: 'none', seed: 0 })).toThrow(new InputError(message.badK(4, 3), { field: '--k' }));
    }
  });

  it('reports every tied winner with --tiebreak none, the earliest candidate with lexicographic', () => {
    expect(runRule('borda', cycle(), { tiebreak: 'none', seed: 0 }).winners).toEqual(['a', 'b', 'c']);
    const lex = runRule('borda', profileOf(['c', 'b', 'a'], [['abc', 1], ['bca', 1], ['cab', 1]]), { tiebreak: 'lexicographic', seed: 0 });
    // Candidate order c, b, a: the earliest listed is c.
    expect(lex.winners).toEqual(['c']);
    expect(lex.tiedWinners).toEqual(['c', 'b', 'a']);
  });

  it('breaks ties at random reproducibly: same seed, same winner; every tied winner for some seed', () => {
    const drawn = new Set<string>();
    for (let seed = 0; seed < 40; seed++) {
      const result = runRule('copeland', cycle(), { tiebreak: 'random', seed });
      expect(runRule('copeland', cycle(), { tiebreak: 'random', seed })).toEqual(result);
      drawn.add(result.winners[0]);
    }
    expect([...drawn].sort()).toEqual(['a', 'b', 'c']);
  });
});
