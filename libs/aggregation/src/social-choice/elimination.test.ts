import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { profileFromOrders, profileOf, strictRankingProfiles } from '../../test/profiles.js';
import { baldwin } from './baldwin.js';
import { bucklin } from './bucklin.js';
import { coombs } from './coombs.js';
import { irv } from './irv.js';
import { nanson } from './nanson.js';

type Rounds = { tallies: Record<string, number>; eliminated: string[]; exhausted?: number }[];

describe('irv', () => {
  it('eliminates every candidate tied for fewest first choices at once (CONTRACTS.md; hand-computed)', () => {
    // 3 a…, 2 b…, 2 c… with b, c tied for fewest: both leave in round 1; a then holds everything.
    const result = irv(profileOf(['a', 'b', 'c'], [['abc', 3], ['bac', 2], ['cab', 2]]));
    expect(result.winners).toEqual(['a']);
    expect((result.rounds as Rounds)[0].eliminated).toEqual(['b', 'c']);
    expect(result.ranking).toEqual([['a'], ['b', 'c']]);
  });

  it('lets all remaining candidates win when they are all tied (CONTRACTS.md; hand-computed)', () => {
    const result = irv(profileOf(['a', 'b', 'c'], [['abc', 1], ['bca', 1], ['cab', 1]]));
    expect(result.winners).toEqual(['a', 'b', 'c']);
  });

  it('splits a ballot tied at the top equally and skips nothing for truncated ballots (hand-computed)', () => {
    // [a,b] tied first (weight 2) gives a 1 and b 1; 1.5 c; 1 [b]: round 1 a 1, b 2, c 1.5 → a out;
    // round 2 the tied ballot goes to b (2 + 2 = 4 vs c 1.5) → b wins.
    const result = irv(profileOf(['a', 'b', 'c'], [[[['a', 'b'], 'c'], 2], [['c'], 1.5], [['b'], 1]]));
    expect((result.rounds as Rounds)[0].tallies).toEqual({ a: 1, b: 2, c: 1.5 });
    expect((result.rounds as Rounds)[0].exhausted).toBe(0);
    expect(result.winners).toEqual(['b']);
  });
});

describe('coombs', () => {
  it('stops at a first-choice majority before eliminating anyone (hand-computed)', () => {
    // a has 3 of 5 first choices, a strict majority: a wins before any last-place count.
    const result = coombs(profileOf(['a', 'b', 'c'], [['abc', 3], ['cba', 2]]));
    expect(result.winners).toEqual(['a']);
    expect(result.rounds).toEqual([]);
  });

  it('eliminates the candidate with most last places (hand-computed)', () => {
    // 4 abc, 3 bca, 3 cab (10, no majority). Last places: c 4 (abc), a 3 (bca), b 3 (cab) → c out;
    // then a has 4 + 3 = 7 of 10 first choices → a.
    const result = coombs(profileOf(['a', 'b', 'c'], [['abc', 4], ['bca', 3], ['cab', 3]]));
    expect((result.rounds as Rounds)[0]).toEqual({ tallies: { a: 3, b: 3, c: 4 }, eliminated: ['c'] });
    expect(result.winners).toEqual(['a']);
  });
});

describe('nanson and baldwin', () => {
  it('strict Nanson keeps candidates at the average; Baldwin removes only the lowest (hand-computed)', () => {
    // 2 abc, 1 bca, 1 cab. Borda: a 2·2 + 0 + 1 = 5, b 2·1 + 2 + 0 = 4, c 0 + 1 + 2 = 3; average 4.
    // Strict Nanson removes c only (b = average stays); then a vs b: a preferred by 3 of 4 → a.
    // Baldwin removes c (lowest) too, then a.
    const p = profileOf(['a', 'b', 'c'], [['abc', 2], ['bca', 1], ['cab', 1]]);
    const n = nanson(p);
    expect((n.rounds as Rounds)[0]).toEqual({ tallies: { a: 5, b: 4, c: 3 }, eliminated: ['c'] });
    expect(n.winners).toEqual(['a']);
    const b = baldwin(p);
    expect((b.rounds as Rounds)[0].eliminated).toEqual(['c']);
    expect(b.winners).toEqual(['a']);
  });

  it('Nanson drops every candidate below the average in one round where Baldwin needs two (hand-computed)', () => {
    // 1 abcd: Borda a 3, b 2, c 1, d 0; average 1.5 → Nanson removes c and d together; Baldwin removes d,
    // then (a 2, b 1, c 0) c, then b.
    const p = profileOf(['a', 'b', 'c', 'd'], [['abcd', 1]]);
    expect((nanson(p).rounds as Rounds)[0].eliminated).toEqual(['c', 'd']);
    expect((baldwin(p).rounds as Rounds).map((r) => r.eliminated)).toEqual([['d'], ['c'], ['b'], []]);
    expect(baldwin(p).ranking).toEqual([['a'], ['b'], ['c'], ['d']]);
  });

  it('all candidates tied at the average all win (hand-computed 3-cycle)', () => {
    const p = profileOf(['a', 'b', 'c'], [['abc', 1], ['bca', 1], ['cab', 1]]);
    expect(nanson(p).winners).toEqual(['a', 'b', 'c']);
    expect(baldwin(p).winners).toEqual(['a', 'b', 'c']);
  });
});

describe('irv: exhausted ballots', () => {
  it('counts an exhausted ballot for no one and reports its weight (standard IRV; hand-computed)', () => {
    // Used to show a final tally a 10: the six exhausted ballots were split among the remaining candidates.
    // a>b ×4, b ×3, c ×2, c>b ×1. Round 1: a 4, b 3, c 3 → b and c (tied fewest) leave together.
    // Round 2: only a>b ballots rank a; b, c and c>b ballots are exhausted (weight 6): a 4.
    const result = irv(profileOf(['a', 'b', 'c'], [['ab', 4], ['b', 3], ['c', 2], ['cb', 1]]));
    expect(result.winners).toEqual(['a']);
    expect(result.rounds).toEqual([
      { tallies: { a: 4, b: 3, c: 3 }, eliminated: ['b', 'c'], exhausted: 0 },
      { tallies: { a: 4 }, eliminated: [], exhausted: 6 },
    ]);
  });
});

/** Test oracle: textbook Bucklin on complete strict rankings, counting every position (Wikipedia "Bucklin voting"). */
function textbookBucklin(m: number, ballots: { order: number[]; weight: number }[]): number[] {
  const total = ballots.reduce((s, b) => s + b.weight, 0);
  const score = new Array<number>(m).fill(0);
  for (let round = 1; round <= m; round++) {
    for (const b of ballots) score[b.order[round - 1]] += b.weight;
    const best = Math.max(...score);
    if (best > total / 2 + 1e-9 * total) return score.flatMap((x, c) => (best - x <= 1e-9 * total ? [c] : []));
  }
  return [];
}

describe('bucklin', () => {
  it('gives no support to candidates a ballot leaves out (standard Bucklin on truncated ballots; hand-computed)', () => {
    // Used to give a 7, b 7 and winners [a, b]: the bullet votes a and c supported b and c in round 2.
    // a ×3, b>a ×2, c ×2 (total 7, majority > 3.5). Round 1: a 3, b 2, c 2. Round 2: a 3 + 2 = 5 → a.
    const result = bucklin(profileOf(['a', 'b', 'c'], [['a', 3], ['ba', 2], ['c', 2]]));
    expect(result.winners).toEqual(['a']);
    expect(result.round).toBe(2);
    expect(result.scores).toEqual({ a: 5, b: 2, c: 2 });
    expect(result.majority).toBe(true);
    // Listing the left-out candidates as a last tie is the same ballot (CONTRACTS.md: left out = tied below).
    const explicit = bucklin(profileOf(['a', 'b', 'c'], [[['a', ['b', 'c']], 3], [['b', 'a', 'c'], 2], [['c', ['a', 'b']], 2]]));
    expect(explicit).toEqual(result);
  });

  it('falls back to the highest tally when no majority ever forms (hand-computed)', () => {
    // a ×2, b ×2, c ×1 (bullet votes, total 5): round 1 a 2, b 2, c 1; no further ranks → a, b tie.
    const result = bucklin(profileOf(['a', 'b', 'c'], [['a', 2], ['b', 2], ['c', 1]]));
    expect(result.winners).toEqual(['a', 'b']);
    expect(result.majority).toBe(false);
    expect(result.round).toBe(1);
  });

  it('equals textbook Bucklin on complete strict rankings (property, m ≥ 3)', () => {
    fc.assert(
      fc.property(strictRankingProfiles(6, 12, 5, 2), ({ m, ballots }) => {
        fc.pre(m >= 3);
        const result = bucklin(profileFromOrders(m, ballots));
        expect(result.winners).toEqual(textbookBucklin(m, ballots).map((c) => `c${c}`));
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('stops at the first round with a weighted majority and takes the highest tally (hand-computed)', () => {
    // Weights 2 abc, 2 bca, 1.5 cab (total 5.5, majority > 2.75). Round 1: a 2, b 2, c 1.5.
    // Round 2: a 2 + 1.5 = 3.5, b 2 + 2 = 4, c 1.5 + 2 = 3.5 → b wins with 4.
    const result = bucklin(profileOf(['a', 'b', 'c'], [['abc', 2], ['bca', 2], ['cab', 1.5]]));
    expect(result.round).toBe(2);
    expect(result.scores).toEqual({ a: 3.5, b: 4, c: 3.5 });
    expect(result.winners).toEqual(['b']);
  });

  it('enters tied candidates at their shared position (hand-computed)', () => {
    // [a, b] tied first: both counted in round 1 → each has the full weight, a majority; tie → both win.
    expect(bucklin(profileOf(['a', 'b', 'c'], [[[['a', 'b'], 'c'], 1]])).winners).toEqual(['a', 'b']);
  });
});
