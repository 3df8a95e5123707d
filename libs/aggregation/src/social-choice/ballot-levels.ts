import type { Ballot } from './profile.js';

/**
 * A ballot's weak order as levels (0 = best). A ranking ballot gives its own levels; an
 * approval-only ballot is read as the dichotomous weak order "approved ≻ not approved"
 * (Brams & Fishburn, *Approval Voting*, 1983: approval ballots and dichotomous preferences),
 * so ranking rules accept mixed profiles.
 */
export function ballotLevels(ballot: Ballot): Int32Array {
  if (ballot.levels !== undefined) return ballot.levels;
  const approved = ballot.approved!;
  const levels = new Int32Array(approved.length);
  for (let c = 0; c < approved.length; c++) levels[c] = approved[c] === 1 ? 0 : 1;
  return levels;
}
