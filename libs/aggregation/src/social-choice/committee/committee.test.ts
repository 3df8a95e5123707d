import fc from 'fast-check';
import { InputError } from '@persona/core';
import { describe, expect, it } from 'vitest';
import { approxEqual } from '../../../test/approx-equal.js';
import { message } from '../../messages.js';
import { parseProfile } from '../read-profile.js';
import { approvalElection, type ApprovalElection } from './approval-election.js';
import { chamberlinCourant } from './chamberlin-courant.js';
import { equalShares } from './equal-shares.js';
import { ejrViolation, pjrViolation, satisfiesEJR, satisfiesJR, satisfiesPJR } from './justified-representation.js';
import { pav, pavWeights } from './pav.js';
import { phragmen } from './phragmen.js';
import { TIED_COMMITTEE_CAP, thieleExhaustive, thieleIlp, thieleScore } from './thiele.js';

const letters = 'abcdefgh'.split('');

/** Lackner & Skowron 2023, Example 2.1 (abcvoting examples/abcbook/example201.py): 12 voters, 8 candidates, k = 4. */
const runningExample = parseProfile({
  candidates: letters,
  ballots: [
    ...Array(3).fill({ approved: ['a', 'b'] }),
    ...Array(3).fill({ approved: ['a', 'c'] }),
    ...Array(2).fill({ approved: ['a', 'd'] }),
    { approved: ['b', 'c', 'f'] },
    { approved: ['e'] },
    { approved: ['f'] },
    { approved: ['g'] },
  ],
});

/** Random small approval profiles with weights in {0.25, …, 5}. */
const approvalProfiles = fc.integer({ min: 3, max: 6 }).chain((m) =>
  fc.record({
    m: fc.constant(m),
    k: fc.integer({ min: 1, max: m - 1 }),
    voters: fc.array(
      fc.record({
        approved: fc.subarray(Array.from({ length: m }, (_, i) => i), { minLength: 1 }),
        weight: fc.integer({ min: 1, max: 20 }).map((w) => w / 4),
      }),
      { minLength: 1, maxLength: 8 },
    ),
  }),
);

/** Bloc-structured instances for the representation checks: voters share a few approval sets, so ℓ ≥ 2 cohesive groups occur. */
const blocProfiles = fc.integer({ min: 4, max: 7 }).chain((m) =>
  fc
    .record({
      k: fc.integer({ min: 2, max: m - 1 }),
      blocs: fc.array(fc.subarray(Array.from({ length: m }, (_, i) => i), { minLength: 1 }), { minLength: 1, maxLength: 3 }),
      members: fc.array(fc.record({ bloc: fc.nat(), weight: fc.integer({ min: 1, max: 20 }).map((w) => w / 4) }), { minLength: 2, maxLength: 8 }),
    })
    .map(({ k, blocs, members }) => ({ m, k, voters: members.map((v) => ({ approved: blocs[v.bloc % blocs.length], weight: v.weight })) })),
);

function toProfile(m: number, voters: { approved: number[]; weight: number }[]) {
  const candidates = letters.slice(0, m);
  return parseProfile({ candidates, ballots: voters.map((v) => ({ approved: v.approved.map((c) => candidates[c]), weight: v.weight })) });
}

/** Every k-subset of 0..m-1 in lexicographic order. */
function* subsets(m: number, k: number, from = 0, prefix: number[] = []): Generator<number[]> {
  if (prefix.length === k) {
    yield prefix.slice();
    return;
  }
  for (let c = from; c <= m - (k - prefix.length); c++) {
    prefix.push(c);
    yield* subsets(m, k, c + 1, prefix);
    prefix.pop();
  }
}

/** Oracle: the lexicographically first committee maximising a Thiele score, by enumeration. */
function bruteThiele(e: ApprovalElection, k: number, omega: Float64Array): { committee: number[]; score: number; optima: number } {
  let best: number[] = [];
  let bestScore = -Infinity;
  const scores: number[] = [];
  for (const s of subsets(e.m, k)) {
    const mask = new Uint8Array(e.m);
    for (const c of s) mask[c] = 1;
    const score = thieleScore(e, mask, omega);
    scores.push(score);
    if (score > bestScore + 1e-10 * e.totalWeight) {
      best = s;
      bestScore = score;
    }
  }
  const optima = scores.filter((x) => x >= bestScore - 1e-10 * e.totalWeight).length;
  return { committee: best, score: bestScore, optima };
}

/** Oracle: EJR by its definition — every subset of voters (Aziz et al. 2017). */
function bruteEjr(voters: { approved: number[]; weight: number }[], member: Set<number>, k: number, maxEll = k): boolean {
  const n = voters.reduce((s, v) => s + v.weight, 0);
  for (let mask = 1; mask < 1 << voters.length; mask++) {
    const group = voters.filter((_, i) => (mask >> i) & 1);
    const weight = group.reduce((s, v) => s + v.weight, 0);
    const common = group.reduce((acc, v) => acc.filter((c) => v.approved.includes(c)), group[0].approved);
    for (let ell = 1; ell <= maxEll; ell++) {
      if (weight < (ell * n) / k - 1e-9 || common.length < ell) continue;
      if (group.every((v) => v.approved.filter((c) => member.has(c)).length < ell)) return false;
    }
  }
  return true;
}

/** Oracle: PJR by its definition — every subset of voters (Sánchez-Fernández et al. 2017). */
function brutePjr(voters: { approved: number[]; weight: number }[], member: Set<number>, k: number): boolean {
  const n = voters.reduce((s, v) => s + v.weight, 0);
  for (let mask = 1; mask < 1 << voters.length; mask++) {
    const group = voters.filter((_, i) => (mask >> i) & 1);
    const weight = group.reduce((s, v) => s + v.weight, 0);
    const common = group.reduce((acc, v) => acc.filter((c) => v.approved.includes(c)), group[0].approved);
    const covered = new Set(group.flatMap((v) => v.approved.filter((c) => member.has(c))));
    for (let ell = 1; ell <= k; ell++) {
      if (weight >= (ell * n) / k - 1e-9 && common.length >= ell && covered.size < ell) return false;
    }
  }
  return true;
}

describe('committee rules on the running example of Lackner & Skowron (2023)', () => {
  it('PAV elects {a, b, c, f}', async () => {
    // Oracle: Lackner & Skowron 2023, Example 2.4 (abcvoting examples/abcbook/example204.py asserts {a, b, c, f}).
    const result = await pav(runningExample, 4);
    expect(result.committee).toEqual(['a', 'b', 'c', 'f']);
    expect(result.exact).toBe(true);
    // PAV score by hand: ab×3 → 1.5 each, ac×3 → 1.5, ad×2 → 1, bcf → 1 + 1/2 + 1/3, f → 1: 4.5 + 4.5 + 2 + 11/6 + 1.
    approxEqual(result.score as number, 4.5 + 4.5 + 2 + 11 / 6 + 1);
  });

  it('Chamberlin–Courant elects {a, e, f, g}', async () => {
    // Oracle: Lackner & Skowron 2023, Example 2.3 (abcvoting examples/abcbook/example203.py asserts {a, e, f, g}).
    const result = await chamberlinCourant(runningExample, 4);
    expect(result.committee).toEqual(['a', 'e', 'f', 'g']);
    approxEqual(result.score as number, 12);
  });

  it('sequential Phragmén elects {a, b, c, d}', () => {
    // Oracle: Lackner & Skowron 2023, Example 2.9 (abcvoting examples/abcbook/example209.py asserts {a, b, c, d}).
    expect(phragmen(runningExample, 4).committee).toEqual(['a', 'b', 'c', 'd']);
  });

  it('the method of equal shares elects {a, b, c, d} with either completion', () => {
    // Oracle: Lackner & Skowron 2023, Example 2.11 (abcvoting examples/abcbook/example211.py asserts {a, b, c, d}).
    // By hand: with budget 4 only a is affordable (then b's approvers hold 3·5/8 + 1 < 3 of the price 3);
    // add1 reaches k = 4 seats at total budget 8 (a, b, c at ρ = 1/8, 1/4, 1/4; then d at ρ = 1/2).
    const add1 = equalShares(runningExample, 4);
    expect(add1.committee).toEqual(['a', 'b', 'c', 'd']);
    expect(add1.budget).toBe(8);
    expect(add1.equalSharesSeats).toBe(4);
    const utilitarian = equalShares(runningExample, 4, { completion: 'utilitarian' });
    expect(utilitarian.committee).toEqual(['a', 'b', 'c', 'd']);
    expect(utilitarian.equalSharesSeats).toBe(1);
  });
});

describe('equal shares versus Phragmén', () => {
  it('differ on Example 2.12: equal shares {a, c, d}, sequential Phragmén {b, c, d}', () => {
    // Oracle: Lackner & Skowron 2023, Example 2.12 (abcvoting examples/abcbook/example212.py, resolute).
    const profile = parseProfile({
      candidates: ['a', 'b', 'c', 'd'],
      ballots: [
        ...Array(3).fill({ approved: ['c', 'd'] }),
        ...Array(2).fill({ approved: ['a', 'b'] }),
        ...Array(2).fill({ approved: ['a', 'c'] }),
        { approved: ['b', 'd'] },
      ],
    });
    expect(equalShares(profile, 3).committee).toEqual(['a', 'c', 'd']);
    expect(phragmen(profile, 3).committee).toEqual(['b', 'c', 'd']);
  });
});

describe('justified representation', () => {
  const phragmenExample = parseProfile({
    candidates: Array.from({ length: 14 }, (_, i) => `c${i}`),
    ballots: [
      { approved: ['c0', 'c1', 'c2'], weight: 2 },
      { approved: ['c0', 'c1', 'c3'], weight: 2 },
      { approved: ['c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9', 'c10', 'c11', 'c12', 'c13'], weight: 6 },
      { approved: ['c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9', 'c10', 'c11', 'c12', 'c13'], weight: 5 },
      { approved: ['c4', 'c5', 'c6', 'c7', 'c8', 'c9', 'c10', 'c11', 'c12', 'c13'], weight: 9 },
    ],
  });

  it('sequential Phragmén satisfies JR and PJR but fails EJR on the Brill et al. (2017) instance, while PAV satisfies EJR', async () => {
    // Oracle: abcvoting documentation, "Properties of committees" (docs/intro-properties.rst), the
    // example from Brill, Freeman, Janson & Lackner 2017: seq-Phragmén with k = 12 gives a committee
    // with JR True, PJR True, EJR False. The 4 voters {0,1,2}×2, {0,1,3}×2 weigh 4 ≥ 2·24/12 and
    // jointly approve c0, c1, so EJR asks one of them to have 2 members.
    const committee = phragmen(phragmenExample, 12).committee!;
    expect(satisfiesJR(phragmenExample, committee, 12)).toBe(true);
    expect(satisfiesPJR(phragmenExample, committee, 12)).toBe(true);
    expect(satisfiesEJR(phragmenExample, committee, 12)).toBe(false);
    const e = approvalElection(phragmenExample, 12);
    const member = new Uint8Array(14);
    for (const name of committee) member[Number(name.slice(1))] = 1;
    expect(ejrViolation(e, member, 12)).toEqual({ ell: 2, candidates: ['c0', 'c1'], weight: 4 });
    expect(satisfiesEJR(phragmenExample, (await pav(phragmenExample, 12)).committee!, 12)).toBe(true);
  });

  it('the EJR, JR and PJR checks agree with their definitions (enumeration of all voter groups)', () => {
    // Oracle: the definitions of JR and EJR (Aziz et al. 2017) and PJR (Sánchez-Fernández et al. 2017), by brute force over every subset of voters.
    let violations = 0;
    let pjrViolations = 0;
    let ejr2 = 0;
    let pjr2 = 0;
    fc.assert(
      fc.property(
        blocProfiles.chain((p) =>
          fc.record({ p: fc.constant(p), committee: fc.shuffledSubarray(Array.from({ length: p.m }, (_, i) => i), { minLength: p.k, maxLength: p.k }) }),
        ),
        ({ p: { m, k, voters }, committee }) => {
          const e = approvalElection(toProfile(m, voters), k);
          const check = (member: Set<number>): void => {
            const mask = new Uint8Array(m);
            for (const c of member) mask[c] = 1;
            const ejr = ejrViolation(e, mask, k);
            const pjr = pjrViolation(e, mask, k);
            expect(ejr === null).toBe(bruteEjr(voters, member, k));
            expect(ejrViolation(e, mask, k, 1) === null).toBe(bruteEjr(voters, member, k, 1));
            expect(pjr === null).toBe(brutePjr(voters, member, k));
            if (ejr !== null) violations++;
            if (pjr !== null) pjrViolations++;
            if (ejr !== null && ejr.ell >= 2) ejr2++;
            if (pjr !== null && pjr.ell >= 2) pjr2++;
          };
          check(new Set(committee));
          // Phragmén's committees satisfy PJR but can fail EJR: the case where the two checks differ.
          check(new Set(phragmen(toProfile(m, voters), k).committee!.map((x) => letters.indexOf(x))));
        },
      ),
      { numRuns: 300, seed: 3 },
    );
    // The random committees must exercise both answers, including groups with ℓ ≥ 2, for the comparison to mean anything.
    expect(violations).toBeGreaterThan(50);
    expect(violations).toBeLessThan(500);
    expect(pjrViolations).toBeGreaterThan(50);
    expect(ejr2).toBeGreaterThan(20);
    expect(pjr2).toBeGreaterThan(20);
  });

  it('rejects committees with unknown or repeated members or the wrong size', () => {
    expect(() => satisfiesJR(runningExample, ['a', 'z', 'b', 'c'], 4)).toThrow(new InputError(message.unknownCommitteeMember('z'), { field: 'committee' }));
    expect(() => satisfiesEJR(runningExample, ['a', 'a', 'b', 'c'], 4)).toThrow(message.duplicateCommitteeMember('a'));
    expect(() => satisfiesEJR(runningExample, ['a', 'b'], 4)).toThrow(message.committeeSize(2, 4));
  });
});

describe('exactness and axioms on random instances', () => {
  it('exact PAV and CC equal the lexicographically first optimum found by enumerating every committee', async () => {
    // Oracle: brute force over all k-subsets (definition of the Thiele score), ties to the earliest subset.
    await fc.assert(
      fc.asyncProperty(approvalProfiles, async ({ m, k, voters }) => {
        const profile = toProfile(m, voters);
        const e = approvalElection(profile, k);
        expect((await pav(profile, k)).committee).toEqual(bruteThiele(e, k, pavWeights(k)).committee.map((c) => letters[c]));
        expect((await chamberlinCourant(profile, k)).committee).toEqual(bruteThiele(e, k, Float64Array.of(1)).committee.map((c) => letters[c]));
      }),
      { numRuns: 100, seed: 5 },
    );
  });

  it('the ILP and the exhaustive search find the same committee (PAV and CC), ties broken alike', async () => {
    // Oracle: brute force over all k-subsets (bruteThiele, the definition), for both solvers.
    await fc.assert(
      fc.asyncProperty(approvalProfiles, async ({ m, k, voters }) => {
        const e = approvalElection(toProfile(m, voters), k);
        for (const omega of [pavWeights(k), Float64Array.of(1)]) {
          const brute = bruteThiele(e, k, omega);
          const expected = brute.committee;
          const members = (mask: Uint8Array) => Array.from(mask.keys()).filter((c) => mask[c] === 1);
          const ilp = await thieleIlp(e, k, omega);
          const exhaustive = thieleExhaustive(e, k, omega)!;
          expect(members(ilp.mask)).toEqual(expected);
          expect(members(exhaustive.mask)).toEqual(expected);
          // Uniqueness as the brute force counts it; the exhaustive search lists the optima (capped).
          expect(ilp.unique).toBe(brute.optima === 1);
          expect(exhaustive.unique).toBe(brute.optima === 1);
          expect(exhaustive.tied.length).toBe(brute.optima === 1 ? 0 : Math.min(brute.optima, TIED_COMMITTEE_CAP));
        }
      }),
      { numRuns: 25, seed: 6 },
    );
  });

  it('reports tied committees instead of breaking the tie silently', async () => {
    // Used to fail: {approved:[a]}, {approved:[b]}, pav --k 1 gave committee [a] with no sign of the
    // tie. Oracle: by hand — {a} and {b} each score 1, the only optima.
    const profile = parseProfile({ candidates: ['a', 'b'], ballots: [{ approved: ['a'] }, { approved: ['b'] }] });
    for (const result of [await pav(profile, 1), await chamberlinCourant(profile, 1)]) {
      expect(result.committee).toEqual(['a']);
      expect(result.unique).toBe(false);
      expect(result.tiedCommittees).toEqual([['a'], ['b']]);
    }
    const clear = parseProfile({ candidates: ['a', 'b'], ballots: [{ approved: ['a'], weight: 2 }, { approved: ['b'] }] });
    expect((await pav(clear, 1)).unique).toBe(true);
  });

  it('leaves large elections to the ILP: the exhaustive search declines beyond its work bound', () => {
    // C(30, 15) = 155,117,520 committees: far beyond THIELE_EXHAUSTIVE_WORK.
    const e = approvalElection(parseProfile({ candidates: Array.from({ length: 30 }, (_, i) => `c${i}`), ballots: [{ approved: ['c0'] }] }), 15);
    expect(thieleExhaustive(e, 15, pavWeights(15))).toBeUndefined();
    expect(thieleExhaustive(e, 1, pavWeights(1))!.mask).toEqual(Uint8Array.from({ length: 30 }, (_, c) => (c === 0 ? 1 : 0)));
  });

  it('PAV (exact and ls-PAV), equal shares satisfy EJR; CC (exact and greedy + swaps) satisfies JR; Phragmén satisfies PJR', async () => {
    // Oracle: published theorems — PAV satisfies EJR and CC satisfies JR (Aziz et al. 2017); ls-PAV satisfies
    // EJR (Aziz et al. 2018); equal shares satisfies EJR (Peters & Skowron 2020); seq-Phragmén satisfies PJR
    // (Brill et al. 2017) — each checked by the brute-force definitions.
    await fc.assert(
      fc.asyncProperty(approvalProfiles, async ({ m, k, voters }) => {
        const profile = toProfile(m, voters);
        const has = (names: string[]) => new Set(names.map((x) => letters.indexOf(x)));
        expect(bruteEjr(voters, has((await pav(profile, k)).committee!), k)).toBe(true);
        expect(bruteEjr(voters, has((await pav(profile, k, { method: 'approximate' })).committee!), k)).toBe(true);
        expect(bruteEjr(voters, has(equalShares(profile, k).committee!), k)).toBe(true);
        expect(bruteEjr(voters, has(equalShares(profile, k, { completion: 'utilitarian' }).committee!), k)).toBe(true);
        expect(bruteEjr(voters, has((await chamberlinCourant(profile, k)).committee!), k, 1)).toBe(true);
        expect(bruteEjr(voters, has((await chamberlinCourant(profile, k, { method: 'approximate' })).committee!), k, 1)).toBe(true);
        expect(brutePjr(voters, has(phragmen(profile, k).committee!), k)).toBe(true);
      }),
      { numRuns: 40, seed: 9 },
    );
  });
});

describe('approval elections from rankings', () => {
  it('a ranking approves its top t, a tie straddling position t whole, and identical sets merge', () => {
    const profile = parseProfile({
      candidates: ['a', 'b', 'c', 'd'],
      ballots: [
        { ranking: ['a', ['b', 'c'], 'd'], weight: 2 },
        { approved: ['a', 'b', 'c'], weight: 0.5 },
        { ranking: ['d'], weight: 1 },
      ],
    });
    const e = approvalElection(profile, 2);
    // Definition: a has 0 above, b and c have 1 above (< 2) → {a, b, c}; the ranking ['d'] approves d
    // and leaves a, b, c tied below with 1 above, so they are approved too.
    expect(e.groups).toBe(2);
    expect(Array.from(e.weight)).toEqual([2.5, 1]);
    expect(Array.from(e.approvals)).toEqual([0, 1, 2, 0, 1, 2, 3]);
    expect(() => approvalElection(profile, 0)).toThrow(message.badTop(0));
  });
});
