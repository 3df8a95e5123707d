import { InputError } from '@persona/core';
import { recodes } from '@persona/census';
import { loadCensusFrame } from '@persona/personas';
import { message } from '../messages.js';
import type { JointTarget } from '../check/check-types.js';

/** The default two-way checks: age group × education, sex × employment status, race × Hispanic origin. */
export const DEFAULT_PAIRS: readonly (readonly [string, string])[] = Object.freeze([
  ['age_group', 'education'],
  ['sex', 'employment_status'],
  ['race_alone', 'hispanic_origin'],
] as const);

/**
 * Reference joint distributions of pairs of census recodes, from the census
 * frame that `persona generate` draws from (`loadCensusFrame` of
 * @persona/personas): the embedded ACS 2024 PUMS seed with its California and
 * Texas rows hot-deck imputed, every recode applied, and PWGTP × 100 raked
 * (Deming–Stephan IPF, tol 1e-6) to the default raking blocks of the embedded
 * ACS 2022 margins (`defaultRakingMargins`). The joint target of a pair is the
 * raked weighted count of each cell — so its one-way margins are the ACS
 * margins and its association is the seed's. Not-in-universe codes are kept;
 * the check drops them. The `reference` field says so, with the raking's
 * convergence.
 * @throws {InputError} for a variable that is not a census recode, a pair of one
 *   variable, or a raking that does not converge.
 */
export async function pumsJointTargets(pairs: readonly (readonly [string, string])[] = DEFAULT_PAIRS): Promise<JointTarget[]> {
  const known = Object.keys(recodes);
  for (const [a, b] of pairs) {
    if (a === b) throw new InputError(message.pairSameVariable(a), { field: 'pairs' });
    for (const v of [a, b]) if (!known.includes(v)) throw new InputError(message.pairNotRecode(v, known), { field: 'pairs' });
  }
  const frame = await loadCensusFrame();
  const { converged, iterations, maxRelError } = frame.raking;
  if (!converged) throw new InputError(message.pairReferenceNotConverged(iterations, maxRelError));
  const reference = `ACS 2024 PUMS seed (CA/TX hot-deck imputed) raked to ACS 2022 margins in ${iterations} sweeps (max relative error ${maxRelError.toExponential(2)})`;
  return pairs.map(([a, b]) => {
    const ca = frame.codes[a];
    const cb = frame.codes[b];
    const target: Record<string, Record<string, number>> = {};
    for (const x of Object.keys(recodes[a].categories)) {
      target[x] = {};
      for (const y of Object.keys(recodes[b].categories)) target[x][y] = 0;
    }
    for (let i = 0; i < ca.length; i++) target[String(ca[i])][String(cb[i])] += frame.weights[i];
    return { variables: [a, b] as const, target, reference };
  });
}
