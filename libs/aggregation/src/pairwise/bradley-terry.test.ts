import { InputError } from '@persona/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { approxEqual } from '../../test/approx-equal.js';
import { fixtureComparisons, randomComparisons, rFixture } from '../../test/bt-fixtures.js';
import { message } from '../messages.js';
import { bradleyTerry, MAX_DENSE_ITEMS, type BradleyTerryMethod } from './bradley-terry.js';
import { beatsComponents, pairGraph } from './graph.js';
import { comparisonsFromRows } from './read-comparisons.js';
import { rejectedInputError } from '../../../../test-support/input-error.js';

const methods: BradleyTerryMethod[] = ['mm', 'ilsr', 'newton'];

describe('bradleyTerry: journal citations (Stigler 1994)', () => {
  // oracle: R BradleyTerry2 1.1.2, BTm(cbind(win1, win2), journal1, journal2, ~journal,
  // id = "journal", data = countsToBinomial(citations)); reference level moved to mean zero
  // (test/fixtures/r-bt/make-fixtures.R → citations.json).
  const ref = rFixture('citations.json');
  const comparisons = fixtureComparisons(ref.comparisons);
  for (const method of methods) {
    it(`${method} reproduces BTm's abilities, standard errors and log-likelihood`, async () => {
      const fit = await bradleyTerry(comparisons, { method, tol: 1e-13 });
      expect(fit.converged).toBe(true);
      fit.items.forEach((item, i) => {
        approxEqual(fit.logStrength[i], ref.logStrength[item], 1e-9);
        approxEqual(fit.se![i], ref.se[item], 1e-6);
      });
      approxEqual(fit.logLik, ref.logLik, 1e-12);
    });
  }

  it('gives the full mean-zero covariance C V Cᵀ of BTm', async () => {
    const fit = await bradleyTerry(comparisons);
    const order = ref.items.map((item: string) => fit.items.indexOf(item));
    for (let r = 0; r < 4; r++) for (let c = 0; c < 4; c++) approxEqual(fit.covariance![order[r] * 4 + order[c]], ref.covariance[r][c], 1e-9);
  });
});

describe('bradleyTerry: baseball 1987 with home advantage (Agresti 2002 §10.6)', () => {
  // oracle: R BradleyTerry2 1.1.2 ?baseball, BTm(cbind(home.wins, away.wins), home.team,
  // away.team, formula = ~ team + at.home, id = "team"), moved to mean zero (baseball.json).
  // Printed there: at.home 0.3023 (s.e. 0.1309).
  const ref = rFixture('baseball.json');
  const comparisons = fixtureComparisons(ref.comparisons);

  it('fits the order effect α and the abilities as BTm(~ team + at.home)', async () => {
    const fit = await bradleyTerry(comparisons, { orderEffect: true, tol: 1e-13 });
    const want = ref.withOrderEffect;
    approxEqual(fit.orderEffect!, want.orderEffect, 1e-9);
    approxEqual(fit.orderEffectSe!, want.orderEffectSe, 1e-6);
    approxEqual(fit.logLik, want.logLik, 1e-12);
    fit.items.forEach((item, i) => {
      approxEqual(fit.logStrength[i], want.logStrength[item], 1e-9);
      approxEqual(fit.se![i], want.se[item], 1e-6);
    });
  });

  it('with a very weak prior (VAR 1e6) gives the mean-zero standard errors of BTm, including α', async () => {
    // Used to fail: with --prior the se was the unconstrained posterior SD (≈ 380 here: √(1e6/7)), not
    // under Σθ = 0 as CONTRACTS.md says. oracle: the same BTm(~ team + at.home) fixture; a
    // prior of precision 1e-6 moves the estimates and SEs by O(1e-6) relative.
    const fit = await bradleyTerry(comparisons, { orderEffect: true, prior: 1e6, tol: 1e-13 });
    const want = ref.withOrderEffect;
    approxEqual(fit.orderEffectSe!, want.orderEffectSe, 1e-4);
    fit.items.forEach((item, i) => approxEqual(fit.se![i], want.se[item], 1e-4));
  });

  for (const method of methods) {
    it(`${method} ignores positions without --order-effect, as BTm(~ team)`, async () => {
      const fit = await bradleyTerry(comparisons, { method, tol: 1e-13 });
      fit.items.forEach((item, i) => {
        approxEqual(fit.logStrength[i], ref.withoutOrderEffect.logStrength[item], 1e-9);
        approxEqual(fit.se![i], ref.withoutOrderEffect.se[item], 1e-6);
      });
      approxEqual(fit.logLik, ref.withoutOrderEffect.logLik, 1e-12);
    });
  }
});

describe('bradleyTerry: methods and properties', () => {
  const comparisons = comparisonsFromRows(randomComparisons(60, 3000, 7));

  it('MM, I-LSR and Newton agree to 1e-8 on 60 items × 3,000 comparisons', async () => {
    // oracle: the three algorithms solve the same score equations by different iterations.
    const fits = await Promise.all(methods.map((method) => bradleyTerry(comparisons, { method, tol: 1e-12, standardErrors: false })));
    for (const fit of fits) expect(fit.converged).toBe(true);
    for (let i = 0; i < 60; i++) {
      approxEqual(fits[0].logStrength[i], fits[2].logStrength[i], 0, 1e-8);
      approxEqual(fits[1].logStrength[i], fits[2].logStrength[i], 0, 1e-8);
    }
  });

  it('MM and Newton–CG agree on the MAP with a Gaussian prior, whose score is zero', async () => {
    // oracle: the penalised score W_i − Σ_j n_ij p_ij − θ_i/σ² computed directly from the rows.
    const rows = randomComparisons(40, 300, 11, 2);
    const c = comparisonsFromRows(rows);
    const newton = await bradleyTerry(c, { prior: 0.5, tol: 1e-13, standardErrors: false });
    const mm = await bradleyTerry(c, { prior: 0.5, method: 'mm', tol: 1e-13, standardErrors: false });
    const theta = (name: string) => newton.logStrength[newton.items.indexOf(name)];
    const score = new Map<string, number>(newton.items.map((item) => [item, -theta(item) / 0.5]));
    for (const row of rows) {
      if (!('winner' in row)) continue;
      const p = 1 / (1 + Math.exp(theta(row.loser) - theta(row.winner)));
      score.set(row.winner, score.get(row.winner)! + (1 - p));
      score.set(row.loser, score.get(row.loser)! - (1 - p));
    }
    for (const [, g] of score) approxEqual(g, 0, 0, 1e-10);
    for (let i = 0; i < 40; i++) approxEqual(mm.logStrength[i], newton.logStrength[i], 0, 1e-10);
  });

  it('is invariant to duplicating every comparison, and the standard errors shrink by √2', async () => {
    // oracle: the log-likelihood doubles, so the MLE is unchanged and the information doubles.
    const once = await bradleyTerry(comparisons);
    const doubled = await bradleyTerry({ ...comparisons, count: comparisons.count.map((c) => 2 * c) });
    for (let i = 0; i < 60; i++) {
      approxEqual(doubled.logStrength[i], once.logStrength[i], 0, 1e-10);
      approxEqual(doubled.se![i], once.se![i] / Math.SQRT2, 1e-9);
    }
    approxEqual(doubled.logLik, 2 * once.logLik, 1e-12);
  });

  it('orders items as Borda does on the pairwise data of complete rankings (property)', async () => {
    // oracle: with every pair compared equally often, the BT score equations make θ strictly
    // increasing in the number of wins (Zermelo 1929; David 1988, The Method of Paired
    // Comparisons), and a complete ranking gives each item one win per item ranked below
    // it: its Borda score. So equal Borda ⇔ equal θ, higher Borda ⇔ higher θ.
    const names = ['a', 'b', 'c', 'd', 'e'];
    const ranking = fc.shuffledSubarray(names, { minLength: 5, maxLength: 5 });
    await fc.assert(
      fc.asyncProperty(fc.array(ranking, { minLength: 2, maxLength: 12 }), async (rankings) => {
        const rows = rankings.flatMap((r) => r.flatMap((w, i) => r.slice(i + 1).map((l) => ({ winner: w, loser: l }))));
        const comparisons = comparisonsFromRows(rows);
        const { groups } = beatsComponents(pairGraph(comparisons, false), false);
        fc.pre(groups.length === 1);
        const fit = await bradleyTerry(comparisons, { tol: 1e-13 });
        const theta = (item: string) => fit.logStrength[fit.items.indexOf(item)];
        const borda = (item: string) => rankings.reduce((s, r) => s + (r.length - 1 - r.indexOf(item)), 0);
        for (const x of names) {
          for (const y of names) {
            if (borda(x) > borda(y)) expect(theta(x) - theta(y)).toBeGreaterThan(1e-9);
            if (borda(x) === borda(y)) approxEqual(theta(x), theta(y), 0, 1e-9);
          }
        }
      }),
      { numRuns: 60, seed: 20240611 },
    );
  });

  it('has the two-item closed form θ = ±½ log(w/l), se = ½ √(1/w + 1/l)', async () => {
    // oracle: with two items, P(a beats b) = w/(w+l) at the MLE; the information of d = θa − θb
    // is n p (1 − p), and θa = d/2 under mean zero.
    const fit = await bradleyTerry(comparisonsFromRows([{ winner: 'a', loser: 'b', count: 7 }, { winner: 'b', loser: 'a', count: 3 }]));
    approxEqual(fit.logStrength[0], 0.5 * Math.log(7 / 3));
    approxEqual(fit.se![0], 0.5 * Math.sqrt(1 / 7 + 1 / 3));
  });

  it('with a Gaussian prior fits a graph that is not strongly connected, MM = Newton, θ mean zero, se null', async () => {
    // oracle: the MAP of a two-item chain solves w − (w + l)·σ(2θ) − θ/σ² = 0 with l = 0
    // (score of the penalised likelihood); checked by bisection below.
    const chain = comparisonsFromRows([{ winner: 'a', loser: 'b', count: 3 }]);
    const newton = await bradleyTerry(chain, { prior: 2, method: 'newton', tol: 1e-14 });
    const mm = await bradleyTerry(chain, { prior: 2, method: 'mm', tol: 1e-14 });
    let lo = 0;
    let hi = 10;
    for (let k = 0; k < 200; k++) {
      const mid = (lo + hi) / 2;
      if (3 - 3 / (1 + Math.exp(-2 * mid)) - mid / 2 > 0) lo = mid;
      else hi = mid;
    }
    approxEqual(newton.logStrength[0], lo, 1e-12);
    approxEqual(mm.logStrength[0], lo, 1e-10);
    approxEqual(newton.logStrength[0] + newton.logStrength[1], 0, 0, 1e-14);
    expect(Number.isNaN(newton.se![0])).toBe(true);
  });

  it('reports non-convergence with a flag instead of hiding it', async () => {
    const fit = await bradleyTerry(comparisons, { method: 'mm', maxIter: 2 });
    expect(fit.converged).toBe(false);
    expect(fit.iterations).toBe(2);
    expect(fit.maxRelativeScore).toBeGreaterThan(1e-10);
  });
});

describe('bradleyTerry: bad input', () => {
  const chain = comparisonsFromRows([{ winner: 'a', loser: 'b' }, { winner: 'b', loser: 'c' }, { winner: 'c', loser: 'b' }]);

  it('refuses a graph that is not strongly connected without a prior, naming the groups', async () => {
    await expect(bradleyTerry(chain)).rejects.toThrow(new InputError(message.btNotStronglyConnected([['a'], ['b', 'c']])));
    expect(message.btNotStronglyConnected([['a'], ['b', 'c']])).toContain('{a} > {b, c}');
  });

  it('refuses ties without a tie model, a tie model without ties, and α without positions', async () => {
    const tied = comparisonsFromRows([{ itemA: 'a', itemB: 'b', outcome: 'tie' }, { itemA: 'a', itemB: 'b', outcome: 'a' }, { itemA: 'b', itemB: 'a', outcome: 'a' }]);
    await expect(bradleyTerry(tied)).rejects.toThrow(message.btTiesWithoutModel(1));
    await expect(bradleyTerry(chain, { ties: 'davidson', prior: 1 })).rejects.toThrow(message.btTieModelWithoutTies('davidson'));
    await expect(bradleyTerry(chain, { orderEffect: true, prior: 1 })).rejects.toThrow(message.btOrderEffectUnordered());
    await expect(bradleyTerry(tied, { ties: 'davidson', method: 'mm' })).rejects.toThrow(message.btMethodPlainOnly('mm'));
    await expect(bradleyTerry(chain, { method: 'ilsr', prior: 1 })).rejects.toThrow(message.btIlsrNoPrior());
    await expect(bradleyTerry(chain, { prior: -1 })).rejects.toThrow(message.btBadPrior(-1));
    const allTies = comparisonsFromRows([{ itemA: 'a', itemB: 'b', outcome: 'tie', count: 2 }]);
    await expect(bradleyTerry(allTies, { ties: 'rao-kupper' })).rejects.toThrow(message.btAllTies('rao-kupper'));
  });

  it('omits the standard errors above MAX_DENSE_ITEMS items unless they are required', async () => {
    const ring = comparisonsFromRows(randomComparisons(MAX_DENSE_ITEMS + 1, 0, 3));
    await expect(bradleyTerry(ring, { standardErrors: true })).rejects.toThrow(message.btTooManyForDense(MAX_DENSE_ITEMS + 1, MAX_DENSE_ITEMS));
    // Used to refuse the plain call (CONTRACTS' `persona bt --comparisons F --json`) with exit 2.
    // oracle: a ring where each item beats and loses to its neighbour once is symmetric: θ = 0.
    const fit = await bradleyTerry(ring);
    expect(fit.se).toBeNull();
    expect(fit.seOmitted).toBe(message.btSeOmitted(MAX_DENSE_ITEMS + 1, MAX_DENSE_ITEMS));
    for (const x of fit.logStrength) approxEqual(x, 0, 0, 1e-12);
    const declined = await bradleyTerry(ring, { standardErrors: false });
    expect(declined.se).toBeNull();
    expect(declined.seOmitted).toBeUndefined();
  });
});

describe('bradleyTerry: existence of the maximum-likelihood estimate (decided exactly)', () => {
  const ab = (rows: Array<[string, string, 'a' | 'b' | 'tie', number]>) =>
    comparisonsFromRows(rows.map(([itemA, itemB, outcome, count]) => ({ itemA, itemB, outcome, count })));

  it('refuses an order effect when the first-listed side always wins, whatever the counts and the prior', async () => {
    // Used to return α = 23.2029 (se 44603) with converged: true for counts 1, 10 and 100.
    // oracle: closed form. With a → b and b → a each won by the first side c times, ℓ = 2c·log σ(α)
    // whatever θ: it increases to 0 as α → ∞ and no finite α attains it; a prior on θ does not touch α.
    const want = message.btNoMaximum([message.btDivergingOrderEffect(true)], false);
    for (const count of [1, 3, 10, 100]) {
      const home = ab([['a', 'b', 'a', count], ['b', 'a', 'a', count]]);
      await expect(bradleyTerry(home, { orderEffect: true })).rejects.toThrow(new InputError(want));
      await expect(bradleyTerry(home, { orderEffect: true, prior: 1 })).rejects.toThrow(new InputError(want));
      await expect(bradleyTerry(home, { orderEffect: true, tol: 1e-13 })).rejects.toThrow(new InputError(want));
    }
    expect(want).not.toContain('--prior VAR');
  });

  it('refuses an item that never loses but ties (Davidson and Rao–Kupper); --prior bounds it', async () => {
    // Used to return θ = ±11.55, ν = 34727 with converged: true (and exit 2 only with --tol 1e-12).
    // oracle: closed form. Davidson with 2 items, 3 wins of a and 1 tie, h = (θa − θb)/2, s = log ν:
    // ℓ = 3h + s − 4 log(e^h + e^{−h} + e^s). Along s = h + c, ℓ = c − 4 log(1 + e^{−2h} + e^c) rises
    // strictly in h towards c − 4 log(1 + e^c), whose maximum (e^c = 1/3) is −2.24934 — approached, never
    // attained. Rao–Kupper: along s = d + c the same happens (a's wins and the ties both improve).
    const onlyTies = ab([['a', 'b', 'a', 3], ['a', 'b', 'tie', 1]]);
    for (const [model, symbol] of [['davidson', 'ν'], ['rao-kupper', 'η']] as const) {
      const want = message.btNoMaximum([message.btDivergingStrengths([['a'], ['b']]), message.btDivergingTie(symbol)], true);
      await expect(bradleyTerry(onlyTies, { ties: model })).rejects.toThrow(new InputError(want));
      // With a N(0, 1) prior on θ the strengths are bounded, and then so is the tie parameter.
      const map = await bradleyTerry(onlyTies, { ties: model, prior: 1 });
      expect(map.converged).toBe(true);
      expect(Number.isFinite(map.tieParameter!)).toBe(true);
    }
    const sup = Math.log(1 / 3) - 4 * Math.log(4 / 3);
    approxEqual(sup, -2.24934, 1e-5);
  });

  it('refuses three-item tie and home patterns that only infinite parameters fit', async () => {
    // Used to fail: these fits diverged (θ ±43 and ν 2.2e9; α 64.6) and still reported converged: true.
    // oracle: R optim (BFGS) on the Davidson likelihood from starts of growing size keeps increasing the
    // log-likelihood towards a supremum (no finite MLE); for the order effect, every pair is won by the
    // first-listed item except a–c, which a θ-ordering c > b > a, α → ∞ fits perfectly in the limit.
    const ties = ab([['a', 'b', 'a', 1], ['b', 'a', 'tie', 1], ['b', 'c', 'b', 1], ['c', 'a', 'a', 1], ['a', 'c', 'tie', 1]]);
    for (const model of ['davidson', 'rao-kupper'] as const) {
      const error = await rejectedInputError(bradleyTerry(ties, { ties: model }));
      expect(error.reason).toMatch(/^no maximum-likelihood estimate: the likelihood keeps increasing without bound in a direction where the strengths separate as /);
      expect(error.reason).toContain('give --prior VAR');
    }
    expect((await bradleyTerry(ties, { ties: 'davidson', prior: 1 })).converged).toBe(true);
    const home = ab([['a', 'b', 'a', 1], ['b', 'a', 'a', 1], ['b', 'c', 'a', 1], ['c', 'b', 'a', 1], ['c', 'a', 'a', 1], ['a', 'c', 'b', 1]]);
    const error = await rejectedInputError(bradleyTerry(home, { orderEffect: true }));
    expect(error.reason).toContain(message.btDivergingOrderEffect(true));
    expect(error.reason).toMatch(/the strengths separate as \{c\} > /);
    // A prior on θ bounds it here (with θ fixed, the a–c pair caps α).
    expect((await bradleyTerry(home, { orderEffect: true, prior: 1 })).converged).toBe(true);
  });

  it('fits a finite plain MLE however extreme: 10¹² wins against 1 (two-item closed form)', async () => {
    // Used to stop at a spread of 23.20 with converged: true (the score relative to 10¹² comparisons
    // was already below 1e-10), and with --tol 1e-13 to refuse it as "no MLE".
    // oracle: closed form, θa − θb = log(w/l) = log 10¹², se(θa) = ½ √(1/w + 1/l).
    const extreme = comparisonsFromRows([{ winner: 'a', loser: 'b', count: 1e12 }, { winner: 'b', loser: 'a', count: 1 }]);
    for (const method of methods) {
      const fit = await bradleyTerry(extreme, { method });
      expect(fit.converged).toBe(true);
      approxEqual(fit.logStrength[0] - fit.logStrength[1], Math.log(1e12), 1e-11);
      approxEqual(fit.se![0], 0.5 * Math.sqrt(1e-12 + 1), 1e-9);
    }
  });

  it('accepts tie and order-effect fits whose maximum exists (existence LP agrees with the R fits)', async () => {
    // oracle: R fits (BradleyTerry2 BTm with at.home; optim on the icehockey ties) converge to finite
    // estimates, reproduced above and in ties.test.ts; a two-item design where each side wins and ties
    // in both orders has an interior maximum (every outcome occurs in every position).
    const balanced = ab([['a', 'b', 'a', 2], ['a', 'b', 'b', 1], ['a', 'b', 'tie', 1], ['b', 'a', 'a', 1], ['b', 'a', 'b', 1], ['b', 'a', 'tie', 2]]);
    for (const model of ['davidson', 'rao-kupper'] as const) {
      const fit = await bradleyTerry(balanced, { ties: model, orderEffect: true });
      expect(fit.converged).toBe(true);
      expect(Number.isFinite(fit.orderEffectSe!)).toBe(true);
    }
  });

  it('refuses an order effect that the design cannot identify', async () => {
    // a always first: α and θa − θb are confounded, so the information is singular.
    const oneWay = comparisonsFromRows([{ itemA: 'a', itemB: 'b', outcome: 'a', count: 3 }, { itemA: 'a', itemB: 'b', outcome: 'b', count: 2 }]);
    await expect(bradleyTerry(oneWay, { orderEffect: true })).rejects.toThrow(message.btSingularInformation());
  });
});
