/**
 * The regularized upper incomplete gamma function Q(a, x) = Γ(a, x)/Γ(a) for
 * large shape a (used for a ≥ 250, i.e. chi-square df ≥ 500), where
 * `@stdlib/math-base-special-gammainc` 0.3.1 loses accuracy (relative errors up
 * to 1.6e-2 at a = 2500 against R's `pgamma`, in its Temme branch).
 *
 * Classical method (Numerical Recipes, 3rd ed., §6.2; Abramowitz & Stegun
 * 6.5.29 and 6.5.31): for x < a + 1, Q = 1 − P with P from the series
 * P = e^{−x} x^a / Γ(a + 1) Σ_n x^n / ((a + 1)…(a + n)); otherwise the continued
 * fraction of Γ(a, x) evaluated by the modified Lentz method. The prefactor
 * x^a e^{−x} / Γ(a) is computed as exp(a · log1pmx((x − a)/a) + ½ ln(a/2π) − ε(a)),
 * with log1pmx(t) = ln(1 + t) − t summed as a series for small t and ε(a) the
 * Stirling remainder of ln Γ(a), so that no large terms cancel: the relative
 * error stays near 1e-13 for tiny tails and large a.
 */
export function upperIncompleteGammaLarge(a: number, x: number): number {
  if (x <= 0) return 1;
  const prefix = Math.exp(a * log1pmx((x - a) / a) + 0.5 * Math.log(a / (2 * Math.PI)) - stirlingRemainder(a));
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 1_000_000; n++) {
      term *= x / (a + n);
      sum += term;
      if (term < sum * 1e-17) break;
    }
    return 1 - prefix * sum;
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1_000_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  return prefix * h;
}

/** ln(1 + t) − t without cancellation for small |t| (series Σ_{k≥2} (−1)^{k+1} t^k / k below |t| < 0.25). */
function log1pmx(t: number): number {
  if (Math.abs(t) >= 0.25) return Math.log1p(t) - t;
  let power = t * t;
  let sum = 0;
  for (let k = 2; k < 200; k++) {
    const term = power / k;
    sum += k % 2 === 0 ? -term : term;
    if (Math.abs(term) < 1e-17 * Math.abs(sum)) break;
    power *= t;
  }
  return sum;
}

/**
 * ε(a) = ln Γ(a) − [(a − ½) ln a − a + ½ ln 2π], Stirling's series
 * 1/(12a) − 1/(360a³) + 1/(1260a⁵) − 1/(1680a⁷) (A&S 6.1.41), accurate to 1e-20 for a ≥ 250.
 */
function stirlingRemainder(a: number): number {
  const a2 = a * a;
  return (1 / 12 - (1 / 360 - (1 / 1260 - 1 / (1680 * a2)) / a2) / a2) / a;
}
