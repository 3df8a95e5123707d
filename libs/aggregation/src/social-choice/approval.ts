import { InputError } from '@persona/core';
import { message } from '../messages.js';
import { ballotField, type Profile } from './profile.js';
import { scoringRule } from './score-ranking.js';

/**
 * Approval scores: the total weight of ballots approving each candidate (Brams & Fishburn,
 * "Approval voting", *APSR* 72(3), 1978).
 * @throws InputError (field `ballots[k].approved`) when a ballot has no `approved` list: a
 *   ranking does not say which candidates are approved.
 */
export function approvalScores(profile: Profile): Float64Array {
  const m = profile.candidates.length;
  const scores = new Float64Array(m);
  profile.ballots.forEach((ballot, b) => {
    const approved = ballot.approved;
    if (approved === undefined) throw new InputError(message.approvalNeedsApproved(), { field: ballotField(b, 'approved') });
    for (let c = 0; c < m; c++) if (approved[c] === 1) scores[c] += ballot.weight;
  });
  return scores;
}

const approvalScoring = scoringRule('approval', approvalScores, 'weights', 'most approved wins (every ballot needs "approved")');

/** Approval voting: most approved wins; ranking by approval score. See {@link approvalScores}. */
export const approval = approvalScoring.result;

export const approvalRule = approvalScoring.spec;
