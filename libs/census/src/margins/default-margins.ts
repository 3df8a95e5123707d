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
 * Hispanic-origin cells), and except `disability` and `health_insurance`
 * (see {@link DEFAULT_BALANCING_VARIABLES}). Raking on overlapping margins is
 * redundant; the joint block carries exactly the same information (its cells
 * are derived exactly from the three DP05 blocks): with or without the overlap,
 * iterative proportional fitting of the embedded seed converges to the same
 * weights in the same 113 sweeps at tol 1e-6, but each sweep adjusts 10 blocks
 * instead of 13.
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
  'census_region',
]);

/**
 * The variables a census draw is balanced on by default (the persona frame of
 * `persona generate` and `run`, and `persona sample` without --margins): the
 * {@link DEFAULT_RAKING_VARIABLES} plus `disability` (DP02) and
 * `health_insurance` (DP03), which are kept out of the raking because of a
 * universe mismatch (data/census/README.md, "Disability and health insurance:
 * the universe approximation"). Both tables cover the civilian
 * noninstitutionalized population (328,309,810), so the margins' out-of-universe
 * code "0" is 333,287,562 − 328,309,810 = 4,977,752: the institutionalized and
 * the Armed Forces. The seed has no group-quarters type to tell dormitories from
 * institutions, so the recodes' code "0" holds the Armed Forces and EVERY
 * group-quarters person. Raking on these blocks pulled the group-quarters rows'
 * weights down by a median factor 0.44 to meet the smaller "0" target (their
 * share of the raked seed fell from 2.71% to 1.18%, Kish design effect 1.847 →
 * 1.897; 136 sweeps instead of 113), a distortion; while the in-universe
 * shares it would fix differ little from the published ones: with a disability
 * 13.45% published vs 13.89% in the seed's civilian household population
 * (14.26% once raked on the default blocks), uninsured 8.03% vs 8.13% (8.14%
 * raked), inside the noise band of 1,586 personas (TVD P95 ≈ 0.017 and 0.013).
 * Balancing the draw on them makes a drawn set reproduce the raked frame's
 * shares without reweighting the frame; `persona check` still compares them
 * with the published shares, within the universe (code "0" dropped).
 */
export const DEFAULT_BALANCING_VARIABLES: readonly string[] = Object.freeze([...DEFAULT_RAKING_VARIABLES, 'disability', 'health_insurance']);

/**
 * The embedded margins restricted to {@link DEFAULT_RAKING_VARIABLES}, in
 * that order (same `total`): the margins `persona rake`, `sample` and `run`
 * rake to by default. A user-given margins file is raked on all its blocks.
 */
export function defaultRakingMargins(): Margins {
  const { total, margins } = loadDefaultMargins();
  return { total, margins: Object.fromEntries(DEFAULT_RAKING_VARIABLES.map((name) => [name, margins[name]])) };
}
