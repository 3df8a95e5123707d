/**
 * The tolerance helper shared by the census, raking and metrics tests:
 * |actual − expected| ≤ rel · max(|expected|, 1e-300), element-wise for arrays.
 * Throws with the index, value, expected, delta and tolerance on the first failure
 * (the stdlib habit: the message says by how much and against what).
 */
export function expectApproxEqual(actual: ArrayLike<number> | number, expected: ArrayLike<number> | number, rel: number, what = 'value'): void {
  const a = typeof actual === 'number' ? [actual] : actual;
  const e = typeof expected === 'number' ? [expected] : expected;
  if (a.length !== e.length) throw new Error(`${what}: length ${a.length}, expected ${e.length}`);
  for (let i = 0; i < e.length; i++) {
    const delta = Math.abs(a[i]! - e[i]!);
    const tol = rel * Math.max(Math.abs(e[i]!), 1e-300);
    if (!(delta <= tol)) {
      throw new Error(`${what}[${i}] = ${a[i]}, expected ${e[i]} (delta ${delta}, tolerance ${tol} = ${rel} relative)`);
    }
  }
}
