import { message } from '../messages.js';

/**
 * When a margin category and a sample category differ only in how they are
 * written — `"01"` vs `"1"`, `"1.0"` vs `"1"`, surrounding spaces or letter
 * case — that is the likely mistake; returns a hint naming the sample's
 * spelling, or undefined.
 */
export function categoryHint(given: string, candidates: readonly string[]): string | undefined {
  const near = candidates.find((c) => c !== given && sameCategoryWritten(given, c));
  return near === undefined ? undefined : message.keyMismatchHint(given, near);
}

function sameCategoryWritten(a: string, b: string): boolean {
  const ta = a.trim();
  const tb = b.trim();
  if (ta === tb || ta.toLowerCase() === tb.toLowerCase()) return true;
  const na = Number(ta);
  const nb = Number(tb);
  return ta !== '' && tb !== '' && Number.isFinite(na) && na === nb;
}
