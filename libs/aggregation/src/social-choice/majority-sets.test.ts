import { describe, expect, it } from 'vitest';
import { profileOf } from '../../test/profiles.js';
import { condorcet, condorcetLoser, condorcetWinner } from './condorcet.js';
import { majorityMatrix } from './majority-matrix.js';
import { schwartzSet } from './schwartz-set.js';
import { smithSet } from './smith-set.js';

describe('majority matrix', () => {
  it('counts strict preferences only, with unlisted candidates tied last (hand-computed)', () => {
    // 2 [a] (b, c unlisted, tied), 1 [[b, c], a]: a>b 2, a>c 2, b>a 1, c>a 1, b~c everywhere.
    const { support, margin, totalWeight } = majorityMatrix(profileOf(['a', 'b', 'c'], [[['a'], 2], [[['b', 'c'], 'a'], 1]]));
    expect(Array.from(support)).toEqual([0, 2, 2, 1, 0, 0, 1, 0, 0]);
    expect(Array.from(margin).map((x) => x + 0)).toEqual([0, 1, 1, -1, 0, 0, -1, 0, 0]);
    expect(totalWeight).toBe(3);
  });
});

describe('Condorcet winner and loser, Smith and Schwartz sets', () => {
  it('separate Smith from Schwartz when a pairwise tie sits in a cycle (hand-computed)', () => {
    // 2 bca, 1 abc, 1 cab: a~b (2–2), b>c (3–1), c>a (3–1). No set smaller than {a,b,c} beats all
    // outside (a does not beat c), so Smith = {a,b,c}; no one beats b, so Schwartz = {b}.
    const p = profileOf(['a', 'b', 'c'], [['bca', 2], ['abc', 1], ['cab', 1]]);
    expect(smithSet(p)).toEqual(['a', 'b', 'c']);
    expect(schwartzSet(p)).toEqual(['b']);
    expect(condorcetWinner(p)).toBeNull();
    expect(condorcetLoser(p)).toBeNull();
  });

  it('condorcet returns every candidate and condorcetWinner null without a Condorcet winner (pref_voting convention)', () => {
    const p = profileOf(['a', 'b', 'c'], [['abc', 1], ['bca', 1], ['cab', 1]]);
    expect(condorcet(p)).toEqual({ rule: 'condorcet', winners: ['a', 'b', 'c'], condorcetWinner: null });
    expect(smithSet(p)).toEqual(['a', 'b', 'c']);
    expect(schwartzSet(p)).toEqual(['a', 'b', 'c']);
  });

  it('Smith set of a cycle above a beaten candidate (hand-computed: the cycle a,b,c each beat d)', () => {
    const p = profileOf(['a', 'b', 'c', 'd'], [['abcd', 1], ['bcad', 1], ['cabd', 1]]);
    expect(smithSet(p)).toEqual(['a', 'b', 'c']);
    expect(schwartzSet(p)).toEqual(['a', 'b', 'c']);
    expect(condorcetLoser(p)).toBe('d');
  });
});
