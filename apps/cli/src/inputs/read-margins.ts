import { readFile } from 'node:fs/promises';
import { InputError } from '@persona/core';
import { loadDefaultMargins } from '@persona/census';
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

/**
 * Reads a MARGINS.json file (CONTRACTS.md form), or the embedded ACS 2022
 * margins when `path` is undefined. The document is validated later by
 * `parseMargins`, against the sample.
 * @throws {InputError} when the file cannot be read or is not JSON.
 */
export async function readMargins(path: string | undefined): Promise<MarginsInput> {
  if (path === undefined) {
    const document = loadDefaultMargins();
    return { document, source: EMBEDDED_MARGINS, variables: Object.keys(document.margins) };
  }
  let text: string;
  try {
    text = await readFile(path, 'utf8');
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
