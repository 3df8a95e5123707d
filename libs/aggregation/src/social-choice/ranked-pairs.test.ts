import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { profileOf, schulzeExample } from '../../test/profiles.js';
import { message } from '../messages.js';
import { majorityMatrix } from './majority-matrix.js';
import type { Profile } from './profile.js';
import { rankedPairs } from './ranked-pairs.js';
import { runRule } from './registry.js';

const rockPaperScissors = () => profileOf(['a', 'b', 'c'], [['abc', 1], ['bca', 1], ['cab', 1]]);

describe('rankedPairs', () => {
  it('skips the pair that closes a cycle (hand-computed: margins b>c 5, a>b 3, c>a 1)', () => {
    // 4 abc, 3 bca, 2 cab. a>b: abc 4 + cab 2 = 6 vs 3 → +3; b>c: 4 + 3 = 7 vs 2 → +5;
    // c>a: 3 + 2 = 5 vs 4 → +1.
    // Lock b>c (5), then a>b (3), then c>a (1) would close a→b→c→a: skipped. Order a > b > c.
    const result = rankedPairs(profileOf(['a', 'b', 'c'], [['abc', 4], ['bca', 3], ['cab', 2]]));
    expect(result.winners).toEqual(['a']);
    expect(result.ranking).toEqual([['a'], ['b'], ['c']]);
  });

  it("elects A on Schulze's 45-voter example, where Schulze elects E (hand-computed lock sequence)", () => {
    // Margins, largest first: B>D 21, E>D 17, A>D 15, C>B 13, D>C 11 (skipped: C>B>D), E>B 9,
    // A>C 7, B>A 5 (skipped: A>C>B), C>E 3, E>A 1 (skipped: A>C>E). Locked order A > C > E > B > D.
    const result = rankedPairs(schulzeExample());
    expect(result.winners).toEqual(['A']);
    expect(result.ranking).toEqual([['A'], ['C'], ['E'], ['B'], ['D']]);
  });

  it('with --tiebreak none reports every candidate that wins under some order of tied pairs (hand-computed)', () => {
    // Every margin is 1 and the three pairs form a cycle: whichever pair is locked first decides
    // (a>b first → a wins; b>c first → b; c>a first → c), so all three are winners.
    const result = rankedPairs(rockPaperScissors());
    expect(result.winners).toEqual(['a', 'b', 'c']);
    expect(result.ranking).toBeUndefined();
    expect(result.tieSearchComplete).toBeUndefined();
  });

  it('breaks tied pairs by the candidate order with --tiebreak lexicographic (Zavist & Tideman 1989 tie-breaking ranking)', () => {
    // Pairs ordered by winner position then loser position: a>b, b>c, c>a → lock a>b, b>c; skip c>a.
    const result = rankedPairs(rockPaperScissors(), 'lexicographic');
    expect(result.winners).toEqual(['a']);
    expect(result.ranking).toEqual([['a'], ['b'], ['c']]);
  });

  it('is reproducible with --tiebreak random and a seed, and draws each winner for some seed', async () => {
    const winners = new Set<string>();
    for (let seed = 0; seed < 30; seed++) {
      const first = await runRule('ranked-pairs', rockPaperScissors(), { tiebreak: 'random', seed });
      expect(await runRule('ranked-pairs', rockPaperScissors(), { tiebreak: 'random', seed })).toEqual(first);
      expect(first.winners.length).toBe(1);
      winners.add(first.winners[0]);
    }
    expect([...winners].sort()).toEqual(['a', 'b', 'c']);
  });

  it('does not branch when a group of equal margins can be locked together (two disjoint equal pairs)', () => {
    // a ≻ b and c ≻ d, each by margin 1, no cycle possible: one outcome, with its ranking.
    const result = rankedPairs(profileOf(['a', 'b', 'c', 'd'], [[[['a', 'c'], ['b', 'd']], 1]]));
    expect(result.winners).toEqual(['a', 'c']);
    expect(result.ranking).toEqual([['a', 'c'], ['b', 'd']]);
  });
});

/**
 * Independent oracle: ranked pairs run on EVERY order of the positive-margin pairs that sorts the
 * margins non-increasingly (all tie-breaking orders), with cycle checks by depth-first search.
 */
function bruteForceWinners(p: Profile): string[] {
  const { m, margin } = majorityMatrix(p);
  const pairs: [number, number][] = [];
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) if (margin[i * m + j] > 0) pairs.push([i, j]);
  const winners = new Set<number>();
  const permute = (k: number) => {
    if (k === pairs.length) {
      for (let t = 1; t < pairs.length; t++) if (margin[pairs[t - 1][0] * m + pairs[t - 1][1]] < margin[pairs[t][0] * m + pairs[t][1]]) return;
      const locked: boolean[] = new Array(m * m).fill(false);
      const reaches = (from: number, to: number, seen = new Set<number>()): boolean =>
        from === to || (!seen.has(from) && (seen.add(from), Array.from({ length: m }, (_, v) => v).some((v) => locked[from * m + v] && reaches(v, to, seen))));
      for (const [x, y] of pairs) if (!reaches(y, x)) locked[x * m + y] = true;
      for (let c = 0; c < m; c++) if (!Array.from({ length: m }, (_, a) => locked[a * m + c]).some(Boolean)) winners.add(c);
      return;
    }
    for (let t = k; t < pairs.length; t++) {
      [pairs[k], pairs[t]] = [pairs[t], pairs[k]];
      permute(k + 1);
      [pairs[k], pairs[t]] = [pairs[t], pairs[k]];
    }
  };
  permute(0);
  return [...winners].sort((a, b) => a - b).map((c) => p.candidates[c]);
}

describe('rankedPairs over all tie-breaking orders (fast-check against brute force)', () => {
  it('finds exactly the winners of every order of tied pairs (≤ 4 candidates, unit weights)', () => {
    const ballot = (m: number) => fc.shuffledSubarray([...'abcd'.slice(0, m)], { minLength: m, maxLength: m }).map((r) => r.join(''));
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 4 }).chain((m) => fc.tuple(fc.constant(m), fc.array(ballot(m), { minLength: 1, maxLength: 5 }))),
        ([m, ballots]) => {
          const p = profileOf([...'abcd'.slice(0, m)], ballots.map((r) => [r, 1] as [string, number]));
          const result = rankedPairs(p);
          expect(result.tieSearchComplete).toBeUndefined();
          expect(result.winners).toEqual(bruteForceWinners(p));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('says so when the search is cut short by the state cap (tieSearchComplete false, warning)', () => {
    const result = rankedPairs(rockPaperScissors(), 'none', 0, 2);
    expect(result.tieSearchComplete).toBe(false);
    expect(result.warning).toBe(message.rankedPairsSearchCapped(2));
  });
});
