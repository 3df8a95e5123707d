import { InputError, Rng } from '@persona/core';
import { checkBaseWeights, type InputSource } from '@persona/raking';
import { message } from '../messages.js';
import { defaultNotInUniverse } from '../margins/not-in-universe.js';
import { readTargetShares } from '../margins/target-shares.js';
import { DEFAULT_NOISE_DRAWS } from '../noise/tvd-noise-band.js';
import { weightDiagnostics } from '../weights/weight-diagnostics.js';
import type { CheckColumns, CheckOptions, CheckResult, CheckSample, JointTarget, VariableCheck } from './check-types.js';
import { compareCategories, type ComparisonContext } from './compare-categories.js';
import { encodeColumn, sampleColumns } from './encode-sample.js';

/** Separator of pair names (`age_group×education`) and of joint categories (`3×5`). */
export const PAIR_SEPARATOR = '×';

/**
 * Representativeness of a sample against margins (CONTRACTS.md `persona check`).
 *
 * For each margin variable, the sample's (weighted) shares p are compared with
 * the target shares q **within the variable's universe**: categories outside it
 * (`options.notInUniverse`, by default the census recodes' code "0": education is
 * judged among people 25+, employment among 16+, … — the convention of the embedded ACS
 * margins; `persona check` passes a margins file's own `notInUniverse` field, or none,
 * instead, see `notInUniverseField`) are dropped from both sides
 * and the rest renormalised; their shares are reported in `notInUniverse`.
 * Reported per variable: TVD, Hellinger (range [0, 1]), KL(p ‖ q) in nats,
 * Jensen–Shannon (bits), Pearson's X² = n_eff Σ (p − q)²/q and the G statistic
 * 2 n_eff KL, both with df = (categories with a positive target) − 1 — CONTRACTS.md's
 * "categories − 1" whenever no target is 0; a zero target is a structural zero whose
 * term the statistics cannot include (q = 0 in the denominator), so it adds no degree
 * of freedom either (Agresti 2013 §10.6.1) — and chi-square upper-tail p-values,
 * the max absolute error, the 95th percentile of the TVD of simulated simple
 * random samples of n_eff from q (`noiseTvdP95`, R type-7 quantile over
 * `noiseDraws` multinomial draws), ASMD per category (balance's definition), and
 * standard errors of the shares. n_eff is the number of rows in the universe,
 * or — for a weighted sample — Kish's effective sample size of their weights.
 *
 * Top level: n (rows), Kish's ESS and design effect due to weighting (deff over the
 * rows of nonzero weight, as `weightSummary` of `@persona/raking` and `persona rake`'s
 * summary: for weights 1, 2, 0, 0, 1, 2 it is 4 / 3.6), the method of the shares'
 * standard errors (`seMethod`: "sdr" with replicate weights, else "linearised"), the mean TVD over
 * the variables, the variables whose TVD exceeds their noise band, a weight
 * summary (weighted samples), and two-way checks of the `pairs`' joint
 * distributions (same statistics, within the pair's joint universe).
 *
 * Deterministic for a seed: each variable's noise draws come from
 * `Rng.fromSeed(seed).split('check').split('margin:' + name)` (pairs: `'pair:' + name`),
 * independent of the order of the variables.
 *
 * Weights are checked as `persona rake --weight` checks base weights
 * (`checkBaseWeights`: one per row, finite, ≥ 0, not all 0; same messages).
 *
 * Note: duplicating a row and doubling its weight give the same shares, but
 * not the same n_eff (Kish's ESS counts the duplicate as a second unit).
 *
 * @param margins the MARGINS.json document (form of `persona rake`), or its text.
 * @throws {InputError} for an empty sample, a margin variable the sample lacks,
 *   a sample category without a target, bad weights, a universe with no rows,
 *   or invalid options.
 */
export function checkRepresentativeness(sample: CheckSample, margins: unknown, options: CheckOptions = {}): CheckResult {
  const source = options.source ?? {};
  const targets = readTargetShares(margins, source);
  const names = Object.keys(targets.shares);
  const table = sampleColumns(sample, names[0]);
  const nRows = table.nRows;
  if (nRows === 0) throw new InputError(message.emptySample(), { file: source.sampleFile });
  const noiseDraws = options.noiseDraws ?? DEFAULT_NOISE_DRAWS;
  if (!(Number.isInteger(noiseDraws) && noiseDraws >= 1)) throw new InputError(message.invalidNoiseDraws(noiseDraws), { field: 'noiseDraws' });
  const seed = options.seed ?? 1;
  const root = Rng.fromSeed(seed).split('check');
  const weights = sample.weights === undefined ? undefined : checkBaseWeights(sample.weights, nRows, source);
  const replicateWeights = sample.replicateWeights;
  const niu = universeOf(options.notInUniverse, names, options.pairs ?? []);
  const context = (key: string): ComparisonContext => ({ weights, replicateWeights, noiseDraws, rng: root.split(key) });

  const variables: Record<string, VariableCheck> = {};
  for (const name of names) {
    if (!table.has(name)) throw new InputError(message.variableNotInSample(name, table.names), { file: source.marginsFile, field: `margins.${name}` });
    const block = targets.shares[name];
    const levels = Object.keys(block);
    const codes = encodeColumn(name, table.column(name), nRows, levels, source);
    const outside = Uint8Array.from(levels, (l) => (niu[name]?.includes(l) ? 1 : 0));
    const target = Float64Array.from(levels, (l) => block[l]);
    variables[name] = compareCategories({ name, levels, codes, target, outside }, context(`margin:${name}`));
  }

  const twoWay: Record<string, VariableCheck> = {};
  for (const pair of options.pairs ?? []) {
    const [key, check] = comparePair(pair, table, nRows, niu, source, context);
    twoWay[key] = check;
  }

  // Kish's ESS and deff as `weights` (and `persona rake`'s summary) give them: deff over the nonzero weights.
  const diagnostics = weights === undefined ? null : weightDiagnostics(weights);
  let tvdSum = 0;
  for (const name of names) tvdSum += variables[name].tvd;
  return {
    n: nRows,
    kishEss: diagnostics?.kishEss ?? nRows,
    deff: diagnostics?.deff ?? 1,
    meanTvd: tvdSum / names.length,
    outsideNoise: names.filter((name) => variables[name].outsideNoise),
    variables,
    weights: diagnostics,
    seMethod: replicateWeights !== undefined && replicateWeights.length > 0 ? 'sdr' : 'linearised',
    twoWay,
    noiseDraws,
    seed,
  };
}

function universeOf(
  given: CheckOptions['notInUniverse'],
  names: readonly string[],
  pairs: readonly JointTarget[],
): Readonly<Record<string, readonly string[]>> {
  const variables = [...names, ...pairs.flatMap((p) => p.variables)];
  if (given === undefined) return defaultNotInUniverse(variables);
  for (const name of Object.keys(given)) {
    if (!variables.includes(name)) throw new InputError(message.universeVariableUnknown(name, variables), { field: 'notInUniverse' });
  }
  return given;
}

/** The pair's joint distribution: levels the cross product of the target's categories (missing cells: target 0). */
function comparePair(
  pair: JointTarget,
  table: CheckColumns,
  nRows: number,
  niu: Readonly<Record<string, readonly string[]>>,
  source: InputSource,
  context: (key: string) => ComparisonContext,
): [string, VariableCheck] {
  const [a, b] = pair.variables;
  if (a === b) throw new InputError(message.pairSameVariable(a), { field: 'pairs' });
  for (const v of [a, b]) if (!table.has(v)) throw new InputError(message.pairVariableUnknown(v, table.names), { field: 'pairs' });
  const levelsA = Object.keys(pair.target);
  const levelsB = [...new Set(levelsA.flatMap((x) => Object.keys(pair.target[x])))];
  const codesA = encodeColumn(a, table.column(a), nRows, levelsA, source);
  const codesB = encodeColumn(b, table.column(b), nRows, levelsB, source);
  const kB = levelsB.length;
  const codes = new Int32Array(nRows);
  for (let i = 0; i < nRows; i++) codes[i] = codesA[i] * kB + codesB[i];
  const levels: string[] = [];
  const raw: number[] = [];
  const outside: number[] = [];
  let total = 0;
  for (const x of levelsA) {
    for (const y of levelsB) {
      levels.push(`${x}${PAIR_SEPARATOR}${y}`);
      const t = pair.target[x][y] ?? 0;
      if (!(t >= 0 && Number.isFinite(t))) throw new InputError(message.targetNotNumber(`${a}${PAIR_SEPARATOR}${b}`, `${x}${PAIR_SEPARATOR}${y}`, t), { field: 'pairs' });
      raw.push(t);
      total += t;
      outside.push(niu[a]?.includes(x) || niu[b]?.includes(y) ? 1 : 0);
    }
  }
  const name = `${a}${PAIR_SEPARATOR}${b}`;
  if (total === 0) throw new InputError(message.blockSumZero(name), { field: 'pairs' });
  const target = Float64Array.from(raw, (t) => t / total);
  return [name, compareCategories({ name, levels, codes, target, outside: Uint8Array.from(outside) }, context(`pair:${name}`))];
}
