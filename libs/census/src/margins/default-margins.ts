import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defaultMarginsPath } from '../paths.js';

/** The CONTRACTS.md `persona rake` MARGINS.json form. */
export interface Margins {
  /** Population total to which every block is scaled. */
  readonly total: number;
  /** Variable → category code → count (or share, when the block sums to 1). */
  readonly margins: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

/**
 * The embedded default raking margins: ACS 2022 1-year national estimates
 * (DP02, DP03, DP05; census region from ACS 2024 S0101 state sums, as
 * shares), keyed by recode name with the recodes' category codes, each count
 * block including its out-of-universe code "0" so that every block sums to
 * the total population, 333,287,562. Derived by
 * libs/census/scripts/make-default-margins.ts; provenance in data/census/README.md.
 * Holds overlapping race blocks (`race_alone`, `hispanic_origin`,
 * `race_ethnicity` and their joint `race_hispanic`), so that checks can compare
 * each; raking uses {@link defaultRakingMargins}.
 */
export function loadDefaultMargins(): Margins {
  return JSON.parse(readFileSync(fileURLToPath(defaultMarginsPath), 'utf8')) as Margins;
}

/**
 * The blocks of the embedded margins that raking uses by default (`persona
 * rake` without --margins, `persona sample`, `persona run`, and the reference
 * of two-way checks): every block except `race_alone`, `hispanic_origin` and
 * `race_ethnicity`, which are margins of `race_hispanic` (B03002's 14 race ×
 * Hispanic-origin cells). Raking on overlapping margins is redundant; the
 * joint block carries exactly the same information (its cells are derived
 * exactly from the three DP05 blocks), and dropping the overlap let iterative
 * proportional fitting converge in far fewer sweeps to the same weights (113
 * instead of 552 for the embedded seed at tol 1e-6, before disability and
 * health insurance were added; with them, both selections take 136). `disability` and
 * `health_insurance` are raked on with their universe approximated by the
 * civilian household population (their code 0 holds every group-quarters
 * person, while the margins' code 0 holds the institutionalized and the Armed
 * Forces only; see the recodes and data/census/README.md).
 */
export const DEFAULT_RAKING_VARIABLES: readonly string[] = Object.freeze([
  'age_group',
  'sex',
  'race_hispanic',
  'education',
  'marital_status',
  'employment_status',
  'nativity_citizenship',
  'veteran_status',
  'language_at_home',
  'disability',
  'health_insurance',
  'census_region',
]);

/**
 * The embedded margins restricted to {@link DEFAULT_RAKING_VARIABLES}, in
 * that order (same `total`): the margins `persona rake`, `sample` and `run`
 * rake to by default. A user-given margins file is raked on all its blocks.
 */
export function defaultRakingMargins(): Margins {
  const { total, margins } = loadDefaultMargins();
  return { total, margins: Object.fromEntries(DEFAULT_RAKING_VARIABLES.map((name) => [name, margins[name]])) };
}
