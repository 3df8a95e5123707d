import { readMarginsDocument, type InputSource } from '@persona/raking';

/** Target shares per variable (each block divided by its own sum), in the file's order. */
export interface TargetShares {
  /** variable → category → share of the variable's block (all categories, out-of-universe ones included). */
  readonly shares: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** How each block was written: shares (sums to 1 within 1e-9) or counts. */
  readonly kinds: Readonly<Record<string, 'shares' | 'counts'>>;
}

/**
 * Reads the MARGINS.json form of CONTRACTS.md `persona rake` — `{ "total": N,
 * "margins": { "VAR": { "category": target } } }`, as a parsed document or its
 * text — into target shares. The structure is read by `readMarginsDocument` of
 * `@persona/raking`, with the errors (and messages) of `persona rake`. A block
 * summing to 1 (within 1e-9) holds shares; any other block holds counts,
 * divided by the block's own sum.
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
  const shares: Record<string, Record<string, number>> = {};
  const kinds: Record<string, 'shares' | 'counts'> = {};
  for (const block of readMarginsDocument(json, source).blocks) {
    shares[block.name] = Object.fromEntries(block.categories.map((category, k) => [category, block.values[k] / block.sum]));
    kinds[block.name] = block.shares ? 'shares' : 'counts';
  }
  return { shares, kinds };
}
