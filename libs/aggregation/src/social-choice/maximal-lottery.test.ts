import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { approxEqual } from '../../test/approx-equal.js';
import { message } from '../messages.js';
import { majorityMatrix } from './majority-matrix.js';
import { maximalLotteries, maximalLottery, maximalLotteryResult } from './maximal-lottery.js';
import { randomDictator } from './random-dictator.js';
import { parseProfile } from './read-profile.js';
import { condorcetWinnerOf, profileFromOrders, strictRankingProfiles } from '../../test/profiles.js';

/** LP solutions are accurate to ~1e-9 (HiGHS primal feasibility tolerance 1e-7 on scaled rows). */
const LP_TOL = 1e-7;

const strictProfiles = strictRankingProfiles(6, 8, 30, 4);
const toProfile = profileFromOrders;

describe('maximalLottery', () => {
  it('gives (3/5, 1/5, 1/5) in the five-voter example', async () => {
    // Oracle: Wikipedia, "Maximal lotteries", Example: 2 voters a>b>c, 2 voters b>c>a, 1 voter c>a>b;
    // margins a−b = 1, b−c = 3, c−a = 1; the unique maximal lottery is p(a) = 3/5, p(b) = p(c) = 1/5.
    // Closed form for a 3-cycle (Fishburn 1984): each candidate's probability is proportional to the
    // margin of the edge between the other two (3 : 1 : 1).
    const profile = parseProfile({
      candidates: ['a', 'b', 'c'],
      ballots: [
        { ranking: ['a', 'b', 'c'], weight: 2 },
        { ranking: ['b', 'c', 'a'], weight: 2 },
        { ranking: ['c', 'a', 'b'], weight: 1 },
      ],
    });
    const result = await maximalLotteryResult(profile);
    const lottery = result.lottery as Record<string, number>;
    approxEqual(lottery.a, 3 / 5, LP_TOL);
    approxEqual(lottery.b, 1 / 5, LP_TOL);
    approxEqual(lottery.c, 1 / 5, LP_TOL);
    expect(result.winners).toEqual(['a', 'b', 'c']);
    expect(result.ranking).toEqual([['a'], ['b', 'c']]);
  });

  it('gives 1/3 each on rock–paper–scissors with equal margins', async () => {
    // Oracle: closed form — by symmetry of the cyclic game the unique optimal strategy is uniform.
    const p = await maximalLottery(new Float64Array([0, 2, -2, -2, 0, 2, 2, -2, 0]), 3);
    for (const x of p) approxEqual(x, 1 / 3, LP_TOL);
  });

  it('gives a Condorcet winner probability 1 (Fishburn 1984: maximal lotteries are Condorcet-consistent)', async () => {
    await fc.assert(
      fc.asyncProperty(strictProfiles, async ({ m, ballots }) => {
        const profile = toProfile(m, ballots);
        const { margin } = majorityMatrix(profile);
        const winner = condorcetWinnerOf(margin, m);
        fc.pre(winner >= 0);
        const p = await maximalLottery(margin, m);
        approxEqual(p[winner], 1, LP_TOL);
      }),
      { numRuns: 60, seed: 11 },
    );
  });

  it('returns a lottery that no candidate beats in expectation (the definition)', async () => {
    // Oracle: the defining inequalities Σ_i p_i M[i][j] ≥ 0 for every j, p ≥ 0, Σ p = 1.
    await fc.assert(
      fc.asyncProperty(strictProfiles, async ({ m, ballots }) => {
        const { margin } = majorityMatrix(toProfile(m, ballots));
        const p = await maximalLottery(margin, m);
        let scale = 0;
        for (const x of margin) scale = Math.max(scale, Math.abs(x));
        approxEqual(p.reduce((s, x) => s + x, 0), 1);
        for (let j = 0; j < m; j++) {
          let payoff = 0;
          for (let i = 0; i < m; i++) payoff += p[i] * margin[i * m + j];
          expect(payoff).toBeGreaterThanOrEqual(-LP_TOL * Math.max(scale, 1));
          expect(p[j]).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 60, seed: 12 },
    );
  });

  it('reports every candidate of some maximal lottery when several exist, with a symmetric lottery', async () => {
    // Used to fail: winners ["a"], lottery {a: 1}, though a and b are symmetric. Oracle: by hand —
    // ballots a>b>c>d and b>a>d>c (weight 1) give margins a–b = 0, a and b beat c and d by 2,
    // c–d = 0; a lottery is maximal iff it puts no mass on c or d (else a or b beats it), so
    // the maximal lotteries are (t, 1 − t, 0, 0), t ∈ [0, 1], and the average of the maximisers
    // of p_a and p_b is (½, ½, 0, 0).
    const profile = parseProfile({
      candidates: ['a', 'b', 'c', 'd'],
      ballots: [{ ranking: ['a', 'b', 'c', 'd'] }, { ranking: ['b', 'a', 'd', 'c'] }],
    });
    const result = await maximalLotteryResult(profile);
    expect(result.winners).toEqual(['a', 'b']);
    expect(result.unique).toBe(false);
    const lottery = result.lottery as Record<string, number>;
    approxEqual(lottery.a, 0.5, LP_TOL);
    approxEqual(lottery.b, 0.5, LP_TOL);
    expect(lottery.c).toBe(0);
    // Oracle: the five-voter example above has a unique maximal lottery (odd margins).
    const odd = await maximalLotteries(new Float64Array([0, 1, -1, -1, 0, 3, 1, -3, 0]), 3);
    expect(odd.unique).toBe(true);
    expect(Array.from(odd.possible)).toEqual([1, 1, 1]);
  });

  it('rejects a matrix of the wrong shape', async () => {
    await expect(maximalLottery(new Float64Array(3), 2)).rejects.toThrow(message.matrixShape(3, 2));
  });
});

describe('randomDictator', () => {
  it('gives each candidate its weighted share of first places, splitting top ties', () => {
    // Oracle: closed form. Weights 3 (a first), 1.5 (a,b tied first), 1 (approves b, c), 0.5 (c first):
    // total 6; a = (3 + 0.75)/6, b = (0.75 + 0.5)/6, c = (0.5 + 0.5)/6, d = 0.
    const profile = parseProfile({
      candidates: ['a', 'b', 'c', 'd'],
      ballots: [
        { ranking: ['a', 'b', 'c'], weight: 3 },
        { ranking: [['a', 'b'], 'c'], weight: 1.5 },
        { approved: ['b', 'c'], weight: 1 },
        { ranking: ['c'], weight: 0.5 },
      ],
    });
    const result = randomDictator(profile);
    const lottery = result.lottery as Record<string, number>;
    approxEqual(lottery.a, 3.75 / 6);
    approxEqual(lottery.b, 1.25 / 6);
    approxEqual(lottery.c, 1 / 6);
    expect(lottery.d).toBe(0);
    expect(result.winners).toEqual(['a', 'b', 'c']);
    expect(result.ranking).toEqual([['a'], ['b'], ['c'], ['d']]);
  });
});
