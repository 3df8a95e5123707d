import fc from 'fast-check';
import { parseProfile } from '../src/social-choice/read-profile.js';
import type { Profile } from '../src/social-choice/profile.js';

/** A profile from `[ranking, weight]` pairs; a ranking string "abc" means a ≻ b ≻ c (one letter per candidate). */
export function profileOf(candidates: string[], ballots: [ranking: string | (string | string[])[], weight: number][]): Profile {
  return parseProfile({
    candidates,
    ballots: ballots.map(([ranking, weight]) => ({ ranking: typeof ranking === 'string' ? ranking.split('') : ranking, weight })),
  });
}

/**
 * The "Tennessee capital" example (Wikipedia, "Instant-runoff voting", "Borda count",
 * "Coombs' method", "Bucklin voting", "Ranked pairs", "Kemeny–Young method"; electowiki
 * "Effects of different voting systems under similar circumstances"): 42 % Memphis > Nashville >
 * Chattanooga > Knoxville, 26 % Nashville > Chattanooga > Knoxville > Memphis, 15 % Chattanooga >
 * Knoxville > Nashville > Memphis, 17 % Knoxville > Chattanooga > Nashville > Memphis.
 */
export function tennessee(): Profile {
  const [M, N, C, K] = ['Memphis', 'Nashville', 'Chattanooga', 'Knoxville'];
  return profileOf([M, N, C, K], [
    [[M, N, C, K], 42],
    [[N, C, K, M], 26],
    [[C, K, N, M], 15],
    [[K, C, N, M], 17],
  ]);
}

/**
 * Schulze's 45-voter example (Schulze 2011; Wikipedia "Schulze method",
 * "Example"): 5 ACBED, 5 ADECB, 8 BEDAC, 3 CABED, 7 CAEBD, 2 CBADE, 7 DCEBA, 8 EBADC.
 */
export function schulzeExample(): Profile {
  return profileOf(['A', 'B', 'C', 'D', 'E'], [
    ['ACBED', 5],
    ['ADECB', 5],
    ['BEDAC', 8],
    ['CABED', 3],
    ['CAEBD', 7],
    ['CBADE', 2],
    ['DCEBA', 7],
    ['EBADC', 8],
  ]);
}

/**
 * Random weighted strict-ranking profiles (fast-check): 2..maxM candidates, 1..maxBallots
 * ballots, each a permutation `order` (best first) with weight `w / denominator`, w in 1..maxWeight.
 */
export function strictRankingProfiles(maxM: number, maxBallots: number, maxWeight: number, denominator: number) {
  return fc.integer({ min: 2, max: maxM }).chain((m) =>
    fc.record({
      m: fc.constant(m),
      ballots: fc.array(
        fc.record({
          order: fc.shuffledSubarray(Array.from({ length: m }, (_, i) => i), { minLength: m, maxLength: m }),
          weight: fc.integer({ min: 1, max: maxWeight }).map((w) => w / denominator),
        }),
        { minLength: 1, maxLength: maxBallots },
      ),
    }),
  );
}

/** The profile of {@link strictRankingProfiles} output: candidates `c0…c{m−1}`. */
export function profileFromOrders(m: number, ballots: { order: number[]; weight: number }[]): Profile {
  const candidates = Array.from({ length: m }, (_, i) => `c${i}`);
  return parseProfile({ candidates, ballots: ballots.map((b) => ({ ranking: b.order.map((i) => candidates[i]), weight: b.weight })) });
}

/** Test oracle: the candidate beating every other by a strict margin (the definition), or −1. */
export function condorcetWinnerOf(margin: Float64Array, m: number): number {
  for (let i = 0; i < m; i++) {
    let beatsAll = true;
    for (let j = 0; j < m; j++) if (j !== i && !(margin[i * m + j] > 0)) beatsAll = false;
    if (beatsAll) return i;
  }
  return -1;
}
