import { readFileSync } from 'node:fs';

/**
 * The one tolerance helper of this package's tests: |actual − expected| ≤
 * max(rel · |expected|, abs), element-wise for arrays (abs defaults to 0, so
 * the default is a pure relative tolerance). Statistical checks pass an
 * absolute `abs` derived from n (e.g. 5 standard errors). Throws with the
 * index, value, expected, delta and tolerance on the first failure.
 */
export function approxEqual(
  actual: ArrayLike<number> | number,
  expected: ArrayLike<number> | number,
  { rel = 0, abs = 0 }: { rel?: number; abs?: number },
  what = 'value',
): void {
  const a = typeof actual === 'number' ? [actual] : actual;
  const e = typeof expected === 'number' ? [expected] : expected;
  if (a.length !== e.length) throw new Error(`${what}: length ${a.length}, expected ${e.length}`);
  for (let i = 0; i < e.length; i++) {
    const delta = Math.abs(a[i]! - e[i]!);
    const tol = Math.max(rel * Math.abs(e[i]!), abs);
    if (!(delta <= tol)) {
      throw new Error(`${what}[${i}] = ${a[i]}, expected ${e[i]} (delta ${delta}, tolerance ${tol}: rel ${rel}, abs ${abs})`);
    }
  }
}

/** Reads a committed JSON fixture written by test/fixtures/r/make-fixtures.R. */
export function rFixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`./fixtures/r/${name}`, import.meta.url), 'utf8')) as T;
}
