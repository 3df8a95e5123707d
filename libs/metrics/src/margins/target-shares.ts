import { InputError } from '@persona/core';
import type { InputSource } from '@persona/raking';
import { message } from '../messages.js';

/** Target shares per variable (each block divided by its own sum), in the file's order. */
export interface TargetShares {
  /** variable → category → share of the variable's block (all categories, out-of-universe ones included). */
  readonly shares: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** How each block was written: shares (sums to 1 within 1e-9) or counts. */
  readonly kinds: Readonly<Record<string, 'shares' | 'counts'>>;
}

/** A block whose targets sum to 1 within this holds shares (CONTRACTS.md `persona rake`). */
const SHARES_TOL = 1e-9;

/**
 * Reads the MARGINS.json form of CONTRACTS.md `persona rake` — `{ "total": N,
 * "margins": { "VAR": { "category": target } } }`, as a parsed document or its
 * text — into target shares, with the structure errors of `persona rake` (its
 * messages). A block summing to 1 (within 1e-9) holds shares; any other block
 * holds counts, divided by the block's own sum.
 *
 * Not `parseMargins` of `@persona/raking`: its rules about totals (count blocks
 * agreeing with each other and with `total`, shares needing a `total` beside
 * count blocks) make raking well-defined but say nothing about shares, and its
 * sample checks (every positive target needs sample rows) would turn an
 * unrepresentative sample — the thing measured here — into an error. So `total`
 * is only checked to be a finite number > 0, and count blocks need not agree.
 * @throws {InputError} naming the margins file and field.
 */
export function readTargetShares(json: unknown, source: InputSource = {}): TargetShares {
  const where = (field?: string) => ({ file: source.marginsFile, ...(field !== undefined ? { field } : {}) });
  let doc = json;
  if (typeof json === 'string') {
    try {
      doc = JSON.parse(json);
    } catch (error) {
      throw new InputError(message.marginsNotJson((error as Error).message), where());
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
  const shares: Record<string, Record<string, number>> = {};
  const kinds: Record<string, 'shares' | 'counts'> = {};
  for (const name of names) {
    const block = margins[name];
    if (!isPlainObject(block)) throw new InputError(message.blockNotObject(name), where(`margins.${name}`));
    const categories = Object.keys(block);
    if (categories.length === 0) throw new InputError(message.blockEmpty(name), where(`margins.${name}`));
    let sum = 0;
    for (const category of categories) {
      const value = block[category];
      if (!(typeof value === 'number' && value >= 0 && Number.isFinite(value))) {
        throw new InputError(message.targetNotNumber(name, category, value), where(`margins.${name}.${category}`));
      }
      sum += value;
    }
    if (sum === 0) throw new InputError(message.blockSumZero(name), where(`margins.${name}`));
    shares[name] = Object.fromEntries(categories.map((category) => [category, (block[category] as number) / sum]));
    kinds[name] = Math.abs(sum - 1) <= SHARES_TOL ? 'shares' : 'counts';
  }
  return { shares, kinds };
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
