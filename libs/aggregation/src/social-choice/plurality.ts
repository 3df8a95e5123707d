import { ballotLevels } from './ballot-levels.js';
import type { Profile } from './profile.js';
import { scoringRule } from './score-ranking.js';

/**
 * Plurality scores: each ballot gives its weight to its top choice (Zwicker, "Introduction to the
 * theory of voting", *Handbook of Computational Social Choice*, 2016: the scoring vector
 * (1, 0, …, 0)). Weak orders (this project's convention, matching the averaged Borda count of
 * CONTRACTS.md): a ballot whose top level holds t candidates gives each of them weight/t.
 */
export function pluralityScores(profile: Profile): Float64Array {
  const m = profile.candidates.length;
  const scores = new Float64Array(m);
  for (const ballot of profile.ballots) {
    const levels = ballotLevels(ballot);
    let top = levels[0];
    let count = 0;
    for (let c = 0; c < m; c++) {
      if (levels[c] < top) {
        top = levels[c];
        count = 0;
      }
      if (levels[c] === top) count++;
    }
    const share = ballot.weight / count;
    for (let c = 0; c < m; c++) if (levels[c] === top) scores[c] += share;
  }
  return scores;
}

const pluralityScoring = scoringRule('plurality', pluralityScores, 'weights', 'most first choices wins (a ballot with t candidates tied first gives each 1/t)');

/** Plurality: most (weighted) first choices wins; ranking by plurality score. See {@link pluralityScores}. */
export const plurality = pluralityScoring.result;

export const pluralityRule = pluralityScoring.spec;
