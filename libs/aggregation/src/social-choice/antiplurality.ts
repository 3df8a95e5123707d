import { ballotLevels } from './ballot-levels.js';
import type { Profile } from './profile.js';
import { scoringRule } from './score-ranking.js';

/**
 * Antiplurality (veto) scores: total weight minus the weight of ballots ranking the candidate
 * last (the scoring vector (1, …, 1, 0); Zwicker, "Introduction to the theory of voting",
 * *Handbook of Computational Social Choice*, 2016). Weak orders (this project's convention, as
 * for plurality): a ballot whose bottom level holds t candidates vetoes each with weight/t;
 * candidates a ballot leaves out are its bottom level.
 */
export function antipluralityScores(profile: Profile): Float64Array {
  const m = profile.candidates.length;
  const scores = new Float64Array(m);
  for (const ballot of profile.ballots) {
    const levels = ballotLevels(ballot);
    let bottom = levels[0];
    let count = 0;
    for (let c = 0; c < m; c++) {
      if (levels[c] > bottom) {
        bottom = levels[c];
        count = 0;
      }
      if (levels[c] === bottom) count++;
    }
    const share = ballot.weight / count;
    for (let c = 0; c < m; c++) scores[c] += levels[c] === bottom ? ballot.weight - share : ballot.weight;
  }
  return scores;
}

const antipluralityScoring = scoringRule('antiplurality', antipluralityScores, 'weights', 'fewest last places wins: score = weight of ballots not ranking the candidate last (t tied last share a veto)');

/** Antiplurality: fewest (weighted) last places wins. See {@link antipluralityScores}. */
export const antiplurality = antipluralityScoring.result;

export const antipluralityRule = antipluralityScoring.spec;
