// Approval committee rules of @persona/aggregation (imports the BUILT package: run `npx tsc -b`
// first). Input simulated here with a fixed seed: 1,000 voters and 100 candidates on a line
// (positions N(0, 1)); a voter approves the candidates within her own radius U(0.02, 0.3) of her
// position (at least her nearest one); lognormal survey weights (σ = 0.5). k = 10.
// Figures: wall-clock ms per rule on the profile (approval-election build included), and whether
// the committee satisfies EJR (exact check). PAV and CC run their approximate path (m > 30);
// exact vs approximate PAV is also timed on a 30-candidate profile drawn the same way (the ILP;
// its first call includes loading HiGHS), and exact PAV / CC with k = 2 on 5 candidates (solved by
// exhaustive search, no HiGHS: the small-instance case).
import { Rng } from '@persona/core';
import { approvalElection, chamberlinCourant, equalShares, pav, phragmen, satisfiesEJR, satisfiesJR } from '@persona/aggregation';

const SEED = 20240602;
const VOTERS = 1000;
const CANDIDATES = 100;
const K = 10;

function profile(CANDIDATES) {
  const rng = Rng.fromSeed(SEED).split(`committee-${CANDIDATES}`);
  const candidates = Array.from({ length: CANDIDATES }, (_, i) => `c${i}`);
  const position = Float64Array.from({ length: CANDIDATES }, () => rng.normal());
  const ballots = [];
  for (let v = 0; v < VOTERS; v++) {
    const x = rng.normal();
    const radius = 0.02 + 0.28 * rng.next();
    const approved = new Uint8Array(CANDIDATES);
    let nearest = 0;
    for (let c = 0; c < CANDIDATES; c++) {
      if (Math.abs(position[c] - x) <= radius) approved[c] = 1;
      if (Math.abs(position[c] - x) < Math.abs(position[nearest] - x)) nearest = c;
    }
    approved[nearest] = 1;
    ballots.push({ approved, weight: Math.exp(0.5 * rng.normal()) });
  }
  return { candidates, ballots };
}

async function time(fn, p, k = K) {
  const t = performance.now();
  const result = await fn();
  const ms = performance.now() - t;
  return { ms: Number(ms.toFixed(1)), ...(result.exact !== undefined ? { exact: result.exact } : {}), ...(result.score !== undefined ? { score: result.score } : {}), ejr: satisfiesEJR(p, result.committee, k), jr: satisfiesJR(p, result.committee, k) };
}

export async function run() {
  const p = profile(CANDIDATES);
  const small = profile(30);
  const tiny = profile(5);
  const groups = approvalElection(p, K).groups;
  return {
    voters: VOTERS,
    candidates: CANDIDATES,
    k: K,
    distinctApprovalSets: groups,
    pav: await time(() => pav(p, K), p),
    phragmen: await time(() => phragmen(p, K), p),
    equalShares: await time(() => equalShares(p, K), p),
    cc: await time(() => chamberlinCourant(p, K), p),
    // Exact by exhaustive search: C(5, 2) = 10 committees.
    pavExact5: await time(() => pav(tiny, 2), tiny, 2),
    ccExact5: await time(() => chamberlinCourant(tiny, 2), tiny, 2),
    // The exact ILP path (HiGHS, with lexicographic tie-breaking) on 1,000 voters × 30 candidates.
    pavExact30: await time(() => pav(small, K, { method: 'exact' }), small),
    pavApproximate30: await time(() => pav(small, K, { method: 'approximate' }), small),
  };
}
