import type { PairGraph } from './graph.js';
import { accumulateMM } from './mm.js';
import { centre, type FitControl, type IterativeFit } from './newton.js';

/**
 * Iterative Luce spectral ranking (I-LSR; Maystre & Grossglauser 2015, "Fast and
 * accurate inference of Plackett–Luce models", NIPS 28) for pairwise data:
 * given the current strengths π, build the Markov chain whose rate from i to j is
 * (wins of j over i) / (π_i + π_j), and take its stationary distribution as the next
 * π. Its fixed points are exactly the Bradley–Terry MLE (the balance equations
 * π_i Σ_j w_ji/(π_i+π_j) = Σ_j π_j w_ij/(π_i+π_j) are the score equations).
 *
 * The stationary distribution is solved by Gauss–Seidel sweeps over the items' CSR
 * adjacency (Stewart 1994, "Introduction to the numerical solution of Markov chains",
 * ch. 3), warm-started at the current π, until the largest relative change is below
 * max(tol/10, min(0.01, score/10)) (looser while far from the optimum) or 200
 * sweeps. No prior (the chain has no Gaussian-prior form). `theta` is the start (mean zero) and is updated in place.
 */
export function fitILSR(graph: PairGraph, theta: Float64Array, control: FitControl): IterativeFit {
  const { n, a, b, winA, winB, pairs, adjStart, adjPair } = graph;
  const pi = new Float64Array(n);
  const A = new Float64Array(n);
  const info = new Float64Array(n);
  const rate = new Float64Array(pairs);
  const out = new Float64Array(n);
  const p = new Float64Array(n);
  let iterations = 0;
  let score = Infinity;
  for (;;) {
    for (let i = 0; i < n; i++) pi[i] = Math.exp(theta[i]);
    score = accumulateMM(graph, pi, theta, 0, A, info);
    if (score <= control.tol || iterations >= control.maxIter) break;
    iterations++;
    out.fill(0);
    for (let q = 0; q < pairs; q++) {
      const r = 1 / (pi[a[q]] + pi[b[q]]);
      rate[q] = r;
      out[a[q]] += winB[q] * r;
      out[b[q]] += winA[q] * r;
    }
    p.set(pi);
    const innerTol = Math.max(control.tol / 10, 1e-14, Math.min(1e-2, score / 10));
    for (let sweep = 0; sweep < 200; sweep++) {
      let change = 0;
      for (let i = 0; i < n; i++) {
        let inflow = 0;
        for (let k = adjStart[i]; k < adjStart[i + 1]; k++) {
          const q = adjPair[k];
          // Mass flows from j to i at rate (wins of i over j) / (π_i + π_j).
          inflow += a[q] === i ? p[b[q]] * winA[q] * rate[q] : p[a[q]] * winB[q] * rate[q];
        }
        const next = inflow / out[i];
        change = Math.max(change, Math.abs(next - p[i]) / next);
        p[i] = next;
      }
      if (change <= innerTol) break;
    }
    for (let i = 0; i < n; i++) theta[i] = Math.log(p[i]);
    centre(theta, n);
  }
  return { x: theta, iterations, converged: score <= control.tol, maxRelativeScore: score };
}
