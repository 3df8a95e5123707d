import type { Rng } from '@persona/core';

/** n·min(p, 1 − p) from which BTRS is used; below it, inversion (Hörmann 1993 recommends 10). */
const BTRS_THRESHOLD = 10;

/**
 * One exact Binomial(n, p) variate.
 *
 * - n·min(p, 1−p) < 10: sequential inversion (Kachitvichyanukul & Schmeiser
 *   1988, "Binomial random variate generation", CACM 31:216–222, algorithm
 *   BINV): walks the pmf from 0 with f(x) = f(x−1) ((n+1)s/x − s), s = p/q;
 *   expected cost O(n p).
 * - otherwise BTRS, the transformed rejection with squeeze of Hörmann (1993),
 *   "The generation of binomial random variates", J. Statist. Comput. Simul.
 *   46:101–110: a uniform-cost sampler exact for every n, using a Stirling
 *   form of the log pmf ratio f(k)/f(m) with exact tail corrections.
 *
 * p > ½ is sampled as n − Binomial(n, 1 − p). Each uniform comes from
 * `rng.next()`, so the draws are reproducible for a seed.
 * @param n number of trials, a non-negative integer (validated by callers).
 * @param p success probability in [0, 1].
 */
export function binomialVariate(rng: Rng, n: number, p: number): number {
  if (n === 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - binomialVariate(rng, n, 1 - p);
  return n * p < BTRS_THRESHOLD ? inversion(rng, n, p) : btrs(rng, n, p);
}

function inversion(rng: Rng, n: number, p: number): number {
  const q = 1 - p;
  const s = p / q;
  const a = (n + 1) * s;
  const r0 = Math.exp(n * Math.log1p(-p));
  for (;;) {
    let r = r0;
    let u = rng.next();
    let x = 0;
    while (u > r) {
      u -= r;
      x++;
      if (x > n) break; // rounding left mass beyond n: start again
      r *= a / x - s;
    }
    if (x <= n) return x;
  }
}

function btrs(rng: Rng, n: number, p: number): number {
  const q = 1 - p;
  const spq = Math.sqrt(n * p * q);
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const vr = 0.92 - 4.2 / b;
  const alpha = (2.83 + 5.1 / b) * spq;
  const lpq = Math.log(p / q);
  const m = Math.floor((n + 1) * p);
  const h = logFactorial(m) + logFactorial(n - m);
  for (;;) {
    const u = rng.next() - 0.5;
    let v = rng.next();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    if (us >= 0.07 && v <= vr) return k;
    v = Math.log((v * alpha) / (a / (us * us) + b));
    if (v <= h - logFactorial(k) - logFactorial(n - k) + (k - m) * lpq) return k;
  }
}

const SMALL = 16;
/** ln k! for k < SMALL, summed exactly. */
const LOG_FACTORIAL_SMALL = (() => {
  const t = new Float64Array(SMALL);
  for (let k = 2; k < SMALL; k++) t[k] = t[k - 1] + Math.log(k);
  return t;
})();
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/**
 * ln k!: exact sums below 16, else Stirling's series to the k⁻⁷ term
 * (Abramowitz & Stegun 6.1.41), whose error is below 1e-16 relative there.
 */
export function logFactorial(k: number): number {
  if (k < SMALL) return LOG_FACTORIAL_SMALL[k];
  const x = k + 1;
  const x2 = x * x;
  return (x - 0.5) * Math.log(x) - x + HALF_LOG_2PI + (1 / 12 - (1 / 360 - (1 / 1260 - 1 / (1680 * x2)) / x2) / x2) / x;
}
