import { applyRecodes, DEFAULT_BALANCING_VARIABLES, defaultRakingMargins, imputeHotDeck, loadPumsSeed, PUMS_SEED_WEIGHT_MULTIPLIER, type PumsTable } from '@persona/census';
import { parseMargins, rake, type SampleColumns } from '@persona/raking';
import { consistencyRules, violates, type ConsistencyRule } from '../rules/consistency-rule.js';
import { pumsFields } from '../record/census-fields.js';

/** Seed of the hot-deck imputation of the CA/TX rows (the CLI's `SEED_IMPUTATION_SEED`, so `persona sample` and `persona generate` share a frame). */
export const FRAME_IMPUTATION_SEED = 1;

/** The population personas are drawn from. */
export interface CensusFrame {
  /** The embedded PUMS seed with its CA/TX rows hot-deck imputed (IMPFLAGS marks imputed items). */
  readonly table: PumsTable;
  /** Raked weights (0 for an excluded row): the frame's weighted margins equal the ACS 2022 margins. */
  readonly weights: Float64Array;
  /** The raking variables (`DEFAULT_RAKING_VARIABLES`, census recode names). */
  readonly variables: readonly string[];
  /** The variables the census draw is balanced on (`DEFAULT_BALANCING_VARIABLES`: the raking variables, disability and health insurance). */
  readonly balancingVariables: readonly string[];
  /** Every census recode's category code of each row (margin variables, disability, health insurance, …). */
  readonly codes: Readonly<Record<string, Uint8Array>>;
  /** Rows left out because they break a consistency rule, with the rules they break. */
  readonly excluded: readonly { readonly row: number; readonly rules: readonly string[] }[];
  readonly raking: { readonly converged: boolean; readonly iterations: number; readonly maxRelError: number; readonly total: number };
}

/** Row-subset view of recode columns as strings (what `parseMargins` reads). */
function subsetColumns(codes: Readonly<Record<string, Uint8Array>>, rows: Int32Array): SampleColumns {
  const cache = new Map<string, string[]>();
  return {
    names: Object.keys(codes),
    nRows: rows.length,
    has: (name) => Object.hasOwn(codes, name),
    column(name) {
      let out = cache.get(name);
      if (out === undefined) {
        const source = codes[name]!;
        out = Array.from(rows, (r) => String(source[r]));
        cache.set(name, out);
      }
      return out;
    },
  };
}

/**
 * The census frame of `persona generate`, as `persona sample` builds it: the
 * embedded ACS 2024 PUMS seed (34,415 persons), its CA/TX rows completed by
 * hot-deck imputation (`imputeHotDeck`, seed {@link FRAME_IMPUTATION_SEED}),
 * base weights PWGTP × 100, raked (`rake`, IPF, tol 1e-6, at most 1000 sweeps)
 * to the default raking blocks of the embedded ACS 2022 national margins
 * (`defaultRakingMargins`: the joint race × Hispanic-origin block instead of
 * its three margins), the same selection as `persona sample`. The census draw
 * is balanced on `DEFAULT_BALANCING_VARIABLES`: those blocks plus disability
 * and health insurance, which are not raked on because their published
 * universe (civilian noninstitutionalized) is not the recodes' (civilian
 * household population): raking on them would pull the group-quarters rows
 * down (see `DEFAULT_BALANCING_VARIABLES` of `@persona/census`). Rows that
 * break a consistency rule (data/personas/rules.json) are excluded before
 * raking, so the margins hold on the rows that can be drawn and no drawn
 * persona breaks a rule (none of the 34,415 does with the embedded data).
 */
export async function loadCensusFrame(rules: readonly ConsistencyRule[] = consistencyRules()): Promise<CensusFrame> {
  const table = imputeHotDeck(await loadPumsSeed(), { seed: FRAME_IMPUTATION_SEED }).table;
  const fields = pumsFields(table);
  const excluded: { row: number; rules: string[] }[] = [];
  const kept: number[] = [];
  for (let row = 0; row < table.rowCount; row++) {
    fields.row = row;
    const broken = rules.filter((rule) => violates(rule, fields.get));
    if (broken.length > 0) excluded.push({ row, rules: broken.map((rule) => rule.id) });
    else kept.push(row);
  }
  const rows = Int32Array.from(kept);
  const margins = defaultRakingMargins();
  const variables = Object.keys(margins.margins);
  const codes = applyRecodes(table);
  const pwgtp = table.int('PWGTP').values;
  const base = Float64Array.from(rows, (r) => pwgtp[r]! * PUMS_SEED_WEIGHT_MULTIPLIER);
  const parsed = parseMargins(margins, subsetColumns(codes, rows), { baseWeights: base });
  const fit = rake({ variables: parsed.variables, baseWeights: base, targets: parsed.targets, tol: 1e-6, maxIter: 1000 });
  const weights = new Float64Array(table.rowCount);
  rows.forEach((r, i) => {
    weights[r] = fit.weights[i]!;
  });
  return {
    table,
    weights,
    variables,
    balancingVariables: DEFAULT_BALANCING_VARIABLES,
    codes,
    excluded,
    raking: { converged: fit.converged, iterations: fit.iterations, maxRelError: fit.maxRelError, total: parsed.total },
  };
}
