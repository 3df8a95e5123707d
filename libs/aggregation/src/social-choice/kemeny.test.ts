import fc from 'fast-check';
import { InputError } from '@persona/core';
import { describe, expect, it } from 'vitest';
import { approxEqual } from '../../test/approx-equal.js';
import { message } from '../messages.js';
import { kemeny, kemenyScore, kemenyYoung } from './kemeny.js';
import { majorityMatrix } from './majority-matrix.js';
import { parseProfile } from './read-profile.js';
import { condorcetWinnerOf, profileFromOrders, strictRankingProfiles } from '../../test/profiles.js';

/** Brute force over all m! linear orders: the definition of the Kemeny score, an independent oracle. */
function bruteForce(matrix: Float64Array, m: number): { best: number; firsts: Set<number>; count: number } {
  const perm = Array.from({ length: m }, (_, i) => i);
  let best = -Infinity;
  const all: { score: number; first: number }[] = [];
  const visit = (k: number): void => {
    if (k === m) {
      let s = 0;
      for (let p = 0; p < m; p++) for (let q = p + 1; q < m; q++) s += matrix[perm[p] * m + perm[q]];
      all.push({ score: s, first: perm[0] });
      best = Math.max(best, s);
      return;
    }
    for (let i = k; i < m; i++) {
      [perm[k], perm[i]] = [perm[i], perm[k]];
      visit(k + 1);
      [perm[k], perm[i]] = [perm[i], perm[k]];
    }
  };
  visit(0);
  const tol = 1e-9 * Math.max(1, Math.abs(best));
  const optimal = all.filter((r) => r.score >= best - tol);
  return { best, firsts: new Set(optimal.map((r) => r.first)), count: optimal.length };
}

const weightedProfile = (maxM: number) => strictRankingProfiles(maxM, 9, 40, 8);
const toProfile = profileFromOrders;

describe('kemeny', () => {
  it('finds Nashville > Chattanooga > Knoxville > Memphis with score 393 in the Tennessee capital example', () => {
    // Oracle: Wikipedia, "Kemeny–Young method", Example (Tennessee capital): 42% Memphis>Nashville>
    // Chattanooga>Knoxville, 26% Nashville>Chattanooga>Knoxville>Memphis, 15% Chattanooga>Knoxville>
    // Nashville>Memphis, 17% Knoxville>Chattanooga>Nashville>Memphis; the ranking-score table gives
    // Nashville>Chattanooga>Knoxville>Memphis the highest score, 393 (= 58 + 58 + 58 + 68 + 68 + 83).
    const profile = parseProfile({
      candidates: ['Memphis', 'Nashville', 'Chattanooga', 'Knoxville'],
      ballots: [
        { ranking: ['Memphis', 'Nashville', 'Chattanooga', 'Knoxville'], weight: 42 },
        { ranking: ['Nashville', 'Chattanooga', 'Knoxville', 'Memphis'], weight: 26 },
        { ranking: ['Chattanooga', 'Knoxville', 'Nashville', 'Memphis'], weight: 15 },
        { ranking: ['Knoxville', 'Chattanooga', 'Nashville', 'Memphis'], weight: 17 },
      ],
    });
    const result = kemeny(profile);
    expect(result.ranking).toEqual([['Nashville'], ['Chattanooga'], ['Knoxville'], ['Memphis']]);
    expect(result.winners).toEqual(['Nashville']);
    approxEqual(result.kemenyScore as number, 393);
    expect(result.exact).toBe(true);
    expect(result.unique).toBe(true);
    // Wikipedia's pairwise tally for the same example: Chattanooga over Knoxville 83, Knoxville over
    // Chattanooga 17; swapping them costs 83 − 17 = 66, so Nashville > Knoxville > Chattanooga > Memphis
    // scores 393 − 66 = 327 by the definition applied to that tally.
    const { support, m } = majorityMatrix(profile);
    approxEqual(kemenyScore(support, m, [1, 3, 2, 0]), 327);
  });

  it('agrees with brute force over all permutations for m ≤ 7 (score, every first-placed candidate, number of optima)', () => {
    // Oracle: the definition — enumerate all m! rankings.
    fc.assert(
      fc.property(weightedProfile(7), ({ m, ballots }) => {
        const { support } = majorityMatrix(toProfile(m, ballots));
        const exact = kemenyYoung(support, m, { method: 'exact' });
        const brute = bruteForce(support, m);
        approxEqual(exact.score, brute.best, 1e-12, 1e-12);
        expect(new Set(exact.firsts)).toEqual(brute.firsts);
        expect(exact.optimalCount).toBe(brute.count);
        for (const order of exact.optimalOrders) approxEqual(kemenyScore(support, m, order), brute.best, 1e-12, 1e-12);
      }),
      { numRuns: 120, seed: 20240517 },
    );
  });

  it('ranks a Condorcet winner first (Young & Levenglick 1978: Kemeny is Condorcet-consistent)', () => {
    // Oracle: the Condorcet property — a candidate beating every other by weighted majority is first in every optimum.
    fc.assert(
      fc.property(weightedProfile(7), ({ m, ballots }) => {
        const profile = toProfile(m, ballots);
        const { margin } = majorityMatrix(profile);
        const winner = condorcetWinnerOf(margin, m);
        fc.pre(winner >= 0);
        expect(kemeny(profile).winners).toEqual([profile.candidates[winner]]);
      }),
      { numRuns: 120, seed: 7 },
    );
  });

  it('reports every optimum on a perfect 3-cycle (rock–paper–scissors, equal weights)', () => {
    // Oracle: the definition by hand. Ballots a>b>c, b>c>a, c>a>b (weight 1): N[a][b] = N[b][c] =
    // N[c][a] = 2 and the reverse pairs 1, so each cyclic rotation scores 2 + 2 + 1 = 5 and each
    // reversed order 1 + 1 + 2 = 4: exactly three optima, one headed by each candidate.
    const profile = parseProfile({
      candidates: ['a', 'b', 'c'],
      ballots: [{ ranking: ['a', 'b', 'c'] }, { ranking: ['b', 'c', 'a'] }, { ranking: ['c', 'a', 'b'] }],
    });
    const result = kemeny(profile);
    expect(result.winners).toEqual(['a', 'b', 'c']);
    expect(result.unique).toBe(false);
    expect(result.optimalRankingCount).toBe(3);
    expect(result.optimalRankings).toEqual([['a', 'b', 'c'], ['b', 'c', 'a'], ['c', 'a', 'b']]);
    approxEqual(result.kemenyScore as number, 5);
  });

  it('gives a ranking headed by the tie-broken winner, and none under --tiebreak none, on a 3-cycle', () => {
    // Used to fail: --tiebreak random --seed 5 gave winners ["c"] with ranking a > b > c.
    // Oracle: the three optima of the 3-cycle above (hand count): c > a > b is the one headed by c.
    const profile = parseProfile({
      candidates: ['a', 'b', 'c'],
      ballots: [{ ranking: ['a', 'b', 'c'] }, { ranking: ['b', 'c', 'a'] }, { ranking: ['c', 'a', 'b'] }],
    });
    for (const [tiebreak, seed] of [['lexicographic', 0], ['random', 5], ['random', 1], ['random', 2]] as const) {
      const result = kemeny(profile, { tiebreak, seed });
      expect(result.winners).toHaveLength(1);
      expect(result.tiedWinners).toEqual(['a', 'b', 'c']);
      const head = result.winners[0];
      const optimum = { a: [['a'], ['b'], ['c']], b: [['b'], ['c'], ['a']], c: [['c'], ['a'], ['b']] }[head as 'a' | 'b' | 'c'];
      expect(result.ranking).toEqual(optimum);
    }
    expect(kemeny(profile).ranking).toBeUndefined();
  });

  it('flags a result above 20 candidates as not exact with tieSearchComplete: false (exit 3)', () => {
    // Used to fail: 21 candidates gave a heuristic answer with exit 0. Oracle: the contract
    // (exact dynamic programming only up to KEMENY_EXACT_LIMIT = 20 candidates).
    const candidates = Array.from({ length: 21 }, (_, i) => `c${i}`);
    const result = kemeny(parseProfile({ candidates, ballots: [{ ranking: candidates }] }));
    expect(result.exact).toBe(false);
    expect(result.tieSearchComplete).toBe(false);
    expect(result.warning).toBe(message.kemenyNotExact(21, 20));
  });

  it('flags the local-search approximation as not exact and reaches the optimum on an easy instance', () => {
    // Oracle: brute force (definition) on a profile whose optimum is the majority order a>b>c>d>e.
    const profile = parseProfile({
      candidates: ['a', 'b', 'c', 'd', 'e'],
      ballots: [
        { ranking: ['a', 'b', 'c', 'd', 'e'], weight: 5 },
        { ranking: ['e', 'd', 'c', 'b', 'a'], weight: 2 },
        { ranking: ['b', 'a', 'd', 'c', 'e'], weight: 2 },
      ],
    });
    const { support, m } = majorityMatrix(profile);
    const local = kemenyYoung(support, m, { method: 'local-search' });
    expect(local.exact).toBe(false);
    approxEqual(local.score, bruteForce(support, m).best);
  });

  it('rejects a matrix of the wrong shape and exact search above 24 candidates', () => {
    expect(() => kemenyYoung(new Float64Array(5), 2)).toThrow(new InputError(message.matrixShape(5, 2)));
    expect(() => kemenyYoung(new Float64Array(25 * 25), 25, { method: 'exact' })).toThrow(message.kemenyTooManyForExact(25, 24));
    expect(() => kemenyYoung(new Float64Array([0, Number.NaN, 0, 0]), 2)).toThrow(message.matrixNotFinite(0, 1));
  });
});
