import type { PairLogLikelihood } from './bradley-terry-likelihood.js';

/**
 * Davidson (1970), "On extending the Bradley–Terry model to accommodate ties in paired
 * comparison experiments", JASA 65, 317–328:
 *   P(a beats b) = π_a / D,  P(b beats a) = π_b / D,  P(tie) = ν √(π_a π_b) / D,
 *   D = π_a + π_b + ν √(π_a π_b),  π = e^θ.
 * Dividing by √(π_a π_b): D' = e^{d/2} + e^{−d/2} + ν with d = θ_a − θ_b. The tie
 * parameter is estimated on the log scale, s = log ν (the log-likelihood is jointly
 * concave in (θ, s): a log-sum-exp of linear functions, negated).
 */
export const davidsonPair: PairLogLikelihood = (d, s, winA, winB, tie, out) => {
  const h = d / 2;
  const m = Math.max(h, -h, s);
  const e1 = Math.exp(h - m);
  const e2 = Math.exp(-h - m);
  const e3 = Math.exp(s - m);
  const sum = e1 + e2 + e3;
  const r1 = e1 / sum;
  const r2 = e2 / sum;
  const r3 = e3 / sum;
  const n = winA + winB + tie;
  const logD = m + Math.log(sum);
  const diff = (r1 - r2) / 2;
  out[0] = winA * h - winB * h + tie * s - n * logD;
  // (winA − winB)/2 − n·diff and tie − n·r3, rewritten with r1 + r2 + r3 = 1 so that no two
  // large terms cancel at extreme odds.
  out[1] = (winA * (2 * r2 + r3) - winB * (2 * r1 + r3) - tie * (r1 - r2)) / 2;
  out[2] = tie * (r1 + r2) - (winA + winB) * r3;
  out[3] = -n * ((r1 + r2) / 4 - diff * diff);
  out[4] = n * diff * r3;
  out[5] = -n * r3 * (1 - r3);
};
