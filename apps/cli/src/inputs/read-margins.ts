import { readFile } from 'node:fs/promises';
import { InputError } from '@persona/core';
import { DEFAULT_BALANCING_VARIABLES, DEFAULT_RAKING_VARIABLES, defaultRakingMargins, loadDefaultMargins } from '@persona/census';
import { message } from '../messages.js';

/** A margins document and where it came from. */
export interface MarginsInput {
  /** The MARGINS.json text, or the parsed default margins. */
  readonly document: unknown;
  /** The file path, or a description of the embedded margins. */
  readonly source: string;
  /** The variables the document lists (for deriving recodes before parsing). */
  readonly variables: string[];
}

/** Describes the embedded default margins (ACS 2022 1-year national, census recodes). */
export const EMBEDDED_MARGINS = 'embedded ACS 2022 1-year national margins (data/census/acs2022_margins.json)';

/** The --help paragraph on the default raking margins (persona rake, sample, run). */
export const DEFAULT_RAKING_HELP = `Default raking margins: the embedded ACS 2022 blocks
${DEFAULT_RAKING_VARIABLES.join(', ')}.
race_hispanic (race alone × Hispanic origin, the 14 cells of B03002) stands in
for race_alone, hispanic_origin and race_ethnicity, which the embedded file also
holds (persona check compares them): raking on overlapping margins is redundant;
the joint block carries exactly the same information. disability and
health_insurance (DP02/DP03) are not raked on: their universe is the civilian
noninstitutionalized population, and the seed cannot tell institutions from
college dormitories, so raking to their out-of-universe count would pull every
group-quarters person's weight down. The default balanced draws (persona
sample on the embedded seed without --margins, persona generate and run)
balance on them instead:
${DEFAULT_BALANCING_VARIABLES.join(', ')}.
A --margins file is raked on every block it holds, overlapping or not.`;

/**
 * What the embedded margins are read for when no file is given: `raking`
 * (`persona rake`, `sample`, `run`) takes the default raking selection,
 * `checking` (`persona check`) every block.
 */
export type MarginsUse = 'raking' | 'checking';

/**
 * Reads a MARGINS.json file (CONTRACTS.md form), every block of which is
 * used, or the embedded ACS 2022 margins when `path` is undefined. For raking,
 * the embedded margins are `defaultRakingMargins()` of `@persona/census`:
 * race_hispanic (race alone × Hispanic origin, B03002) instead of race_alone,
 * hispanic_origin and race_ethnicity — raking on overlapping margins is
 * redundant; the joint block carries exactly the same information — and
 * without disability and health_insurance, whose universe the seed cannot
 * match (see `DEFAULT_BALANCING_VARIABLES`). For checking, every embedded block is
 * compared, the overlapping ones included. A leading UTF-8 byte order mark is
 * dropped (RFC 8259 §8.1). The document is validated later by
 * `parseMargins`, against the sample.
 * @throws {InputError} when the file cannot be read or is not JSON.
 */
export async function readMargins(path: string | undefined, use: MarginsUse): Promise<MarginsInput> {
  if (path === undefined) {
    const document = use === 'raking' ? defaultRakingMargins() : loadDefaultMargins();
    return { document, source: EMBEDDED_MARGINS, variables: Object.keys(document.margins) };
  }
  let text: string;
  try {
    text = await readFile(path, 'utf8');
    // RFC 8259 §8.1: a leading byte order mark may be ignored (as the sample readers do).
    if (text.startsWith('\uFEFF')) text = text.slice(1);
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new InputError(message.marginsUnreadable(code === 'ENOENT' ? 'no such file' : (error as Error).message), { file: path });
  }
  let variables: string[] = [];
  try {
    const parsed = JSON.parse(text) as { margins?: unknown };
    if (parsed && typeof parsed.margins === 'object' && parsed.margins !== null) variables = Object.keys(parsed.margins);
  } catch {
    // parseMargins reports the JSON error with its own message.
  }
  return { document: text, source: path, variables };
}
