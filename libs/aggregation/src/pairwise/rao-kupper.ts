import { logistic, softplus, type PairLogLikelihood } from './bradley-terry-likelihood.js';

/**
 * Rao & Kupper (1967), "Ties in paired-comparison experiments: a generalization of the
 * Bradley–Terry model", JASA 62, 194–204, with threshold η > 1 (their θ):
 *   P(a beats b) = π_a / (π_a + η π_b),  P(b beats a) = π_b / (π_b + η π_a),
 *   P(tie) = (η² − 1) π_a π_b / ((π_a + η π_b)(η π_a + π_b)).
 * With d = θ_a − θ_b and s = log η (> 0): log P(a) = −softplus(s − d),
 * log P(b) = −softplus(s + d), log P(tie) = log(e^{2s} − 1) − softplus(s − d) − softplus(s + d),
 * jointly concave in (θ, s).
 */
export const raoKupperPair: PairLogLikelihood = (d, s, winA, winB, tie, out) => {
  const u = s - d;
  const v = s + d;
  const su = logistic(u);
  const sv = logistic(v);
  const ku = su * (1 - su);
  const kv = sv * (1 - sv);
  const A = winA + tie;
  const B = winB + tie;
  const q = Math.exp(-2 * s);
  const g = 2 * s + Math.log1p(-q);
  const g1 = 2 / (1 - q);
  const g2 = (-4 * q) / ((1 - q) * (1 - q));
  out[0] = -A * softplus(u) - B * softplus(v) + (tie > 0 ? tie * g : 0);
  out[1] = A * su - B * sv;
  out[2] = -A * su - B * sv + tie * g1;
  out[3] = -A * ku - B * kv;
  out[4] = A * ku - B * kv;
  out[5] = -A * ku - B * kv + tie * g2;
};
