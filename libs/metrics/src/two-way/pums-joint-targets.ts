import { InputError } from '@persona/core';
import { applyRecodes, defaultRakingMargins, imputeHotDeck, loadPumsSeed, recodes } from '@persona/census';
import { rake } from '@persona/raking';
import { message } from '../messages.js';
import { readTargetShares } from '../margins/target-shares.js';
import type { JointTarget } from '../check/check-types.js';

/** The default two-way checks: age group × education, sex × employment status, race × Hispanic origin. */
export const DEFAULT_PAIRS: readonly (readonly [string, string])[] = Object.freeze([
  ['age_group', 'education'],
  ['sex', 'employment_status'],
  ['race_alone', 'hispanic_origin'],
] as const);

export interface PumsJointOptions {
  /** Seed of the hot-deck imputation of the seed's California and Texas rows (default 1). */
  readonly seed?: number | string;
  /** Most raking sweeps (default 1000). */
  readonly maxIter?: number;
}

/**
 * Reference joint distributions of pairs of census recodes, from the embedded
 * ACS 2024 PUMS seed (`loadPumsSeed`): the California and Texas rows are filled
 * by `imputeHotDeck`, every recode is applied (`applyRecodes`), and the PWGTP
 * weights are raked (`rake`, Deming–Stephan IPF, tol 1e-6) to the default
 * raking blocks of the embedded ACS 2022 margins (`defaultRakingMargins`:
 * race_hispanic in place of its margins race_alone, hispanic_origin and
 * race_ethnicity — raking on overlapping margins is redundant; the joint block
 * carries exactly the same information; a shares block is scaled to the
 * margins' total). The joint target of a pair is the raked weighted
 * count of each cell — so its one-way margins are the ACS margins and its
 * association is the seed's. Not-in-universe codes are kept; the check drops
 * them. The `reference` field says so, with the raking's convergence.
 * @throws {InputError} for a variable that is not a census recode, a pair of one
 *   variable, or a raking that does not converge.
 */
export async function pumsJointTargets(
  pairs: readonly (readonly [string, string])[] = DEFAULT_PAIRS,
  options: PumsJointOptions = {},
): Promise<JointTarget[]> {
  const known = Object.keys(recodes);
  for (const [a, b] of pairs) {
    if (a === b) throw new InputError(message.pairSameVariable(a), { field: 'pairs' });
    for (const v of [a, b]) if (!known.includes(v)) throw new InputError(message.pairNotRecode(v, known), { field: 'pairs' });
  }
  const margins = defaultRakingMargins();
  const shares = readTargetShares(margins).shares;
  const marginNames = Object.keys(shares);
  const needed = [...new Set([...marginNames, ...pairs.flat()])];
  const table = imputeHotDeck(await loadPumsSeed(), { seed: options.seed ?? 1 }).table;
  const codes = applyRecodes(table, needed);
  const asStrings = (name: string) => Array.from(codes[name], String);
  const targets: Record<string, Record<string, number>> = {};
  for (const name of marginNames) {
    targets[name] = Object.fromEntries(Object.entries(shares[name]).map(([c, s]) => [c, s * margins.total]));
  }
  const raked = rake({
    variables: marginNames.map((name) => ({ name, values: asStrings(name) })),
    targets,
    baseWeights: table.int('PWGTP').values,
    maxIter: options.maxIter,
  });
  if (!raked.converged) throw new InputError(message.pairReferenceNotConverged(raked.iterations, raked.maxRelError));
  const reference = `ACS 2024 PUMS seed (hot-deck seed ${options.seed ?? 1}) raked to ACS 2022 margins in ${raked.iterations} sweeps (max relative error ${raked.maxRelError.toExponential(2)})`;
  return pairs.map(([a, b]) => {
    const ca = codes[a];
    const cb = codes[b];
    const target: Record<string, Record<string, number>> = {};
    for (const x of Object.keys(recodes[a].categories)) {
      target[x] = {};
      for (const y of Object.keys(recodes[b].categories)) target[x][y] = 0;
    }
    for (let i = 0; i < ca.length; i++) target[String(ca[i])][String(cb[i])] += raked.weights[i];
    return { variables: [a, b] as const, target, reference };
  });
}
