import { InputError } from '@persona/core';
import { message } from '../messages.js';
import { findDuplicateJsonKey } from './duplicate-json-keys.js';
import type { InputSource } from './input-source.js';

/** One variable's block of a MARGINS.json document, in the file's order. */
export interface MarginBlock {
  readonly name: string;
  /** The category keys, as strings, in the file's order. */
  readonly categories: readonly string[];
  /** The target of each category (finite, ≥ 0), aligned with `categories`. */
  readonly values: readonly number[];
  /** Σ values (> 0). */
  readonly sum: number;
  /** The block sums to 1 within {@link SHARES_TOL}: it holds shares, otherwise counts. */
  readonly shares: boolean;
}

/** The structure of a MARGINS.json document, before any check against a sample. */
export interface MarginsDocument {
  /** The `total` field (finite, > 0), when given. */
  readonly total?: number;
  readonly blocks: readonly MarginBlock[];
}

/** A block whose targets sum to 1 within this is read as shares (CONTRACTS.md). */
export const SHARES_TOL = 1e-9;

/**
 * Reads the structure of the MARGINS.json form of CONTRACTS.md `persona rake`,
 * as a parsed document or its text:
 *
 *     { "total": 1000, "margins": { "SEX": { "1": 0.49, "2": 0.51 }, "AGEGRP": { "1": 210, "2": 340, "3": 450 } } }
 *
 * Checks only what the file alone says: `total` (when present) is a finite
 * number > 0, `margins` is a non-empty object of non-empty blocks, every target
 * is a finite number ≥ 0, every block sums to more than 0 and less than
 * infinity (a sum that overflows a double), and — when given the text — no
 * object repeats a key (`JSON.parse` would keep only the last); a leading
 * UTF-8 byte order mark (U+FEFF) is ignored (RFC 8259 §8.1). A block summing to
 * 1 (within 1e-9) holds shares, any other block counts. What the targets mean
 * (totals agreeing, categories present in a sample) is left to the caller:
 * `parseMargins` for raking, target shares for representativeness checks.
 * @throws {InputError} naming the margins file and field, with the messages of `persona rake`.
 */
export function readMarginsDocument(json: unknown, source: InputSource = {}): MarginsDocument {
  const where = (field?: string) => ({ file: source.marginsFile, ...(field !== undefined ? { field } : {}) });
  let doc = json;
  if (typeof json === 'string') {
    // RFC 8259 §8.1: a parser may ignore a leading byte order mark (editors on Windows write one).
    const text = json.startsWith('\uFEFF') ? json.slice(1) : json;
    try {
      doc = JSON.parse(text);
    } catch (error) {
      throw new InputError(message.marginsNotJson((error as Error).message), where());
    }
    const duplicate = findDuplicateJsonKey(text);
    if (duplicate !== undefined) {
      throw new InputError(message.duplicateKey(duplicate.key), where(duplicate.path.length > 0 ? duplicate.path.join('.') : undefined));
    }
  }
  if (!isPlainObject(doc)) throw new InputError(message.marginsNotObject(), where());
  const total = doc['total'];
  if (total !== undefined && !(typeof total === 'number' && total > 0 && Number.isFinite(total))) {
    throw new InputError(message.totalInvalid(total), where('total'));
  }
  const margins = doc['margins'];
  if (!isPlainObject(margins)) throw new InputError(message.marginsMissing(), where('margins'));
  const names = Object.keys(margins);
  if (names.length === 0) throw new InputError(message.marginsEmpty(), where('margins'));

  const blocks: MarginBlock[] = [];
  for (const name of names) {
    const block = margins[name];
    if (!isPlainObject(block)) throw new InputError(message.blockNotObject(name), where(`margins.${name}`));
    const categories = Object.keys(block);
    if (categories.length === 0) throw new InputError(message.blockEmpty(name), where(`margins.${name}`));
    const values: number[] = [];
    let sum = 0;
    for (const category of categories) {
      const value = block[category];
      if (!(typeof value === 'number' && value >= 0 && Number.isFinite(value))) {
        throw new InputError(message.targetNotNumber(name, category, value), where(`margins.${name}.${category}`));
      }
      values.push(value);
      sum += value;
    }
    if (sum === 0) throw new InputError(message.blockSumZero(name), where(`margins.${name}`));
    if (!Number.isFinite(sum)) throw new InputError(message.blockSumNotFinite(name), where(`margins.${name}`));
    blocks.push({ name, categories, values, sum, shares: Math.abs(sum - 1) <= SHARES_TOL });
  }
  return total === undefined ? { blocks } : { total, blocks };
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
