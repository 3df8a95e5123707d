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
 */
export function loadDefaultMargins(): Margins {
  return JSON.parse(readFileSync(fileURLToPath(defaultMarginsPath), 'utf8')) as Margins;
}
