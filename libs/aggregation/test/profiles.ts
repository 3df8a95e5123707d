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
