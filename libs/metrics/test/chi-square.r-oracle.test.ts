import { describe, expect, it } from 'vitest';
import { chiSquareGoodnessOfFit, chiSquareUpperTail, gTest, metricsMessage } from '../src/index.js';
import { expectApproxEqual } from '../../../test-support/approx-equal.js';
import { rFixture } from './r-fixture.js';

interface TailCase { x: number; df: number; p: number }
interface GofCase { x: number[]; q: number[]; chi2: number; df: number; pValue: number; g: number; gPValue: number }

const shares = (x: number[]) => {
  const n = x.reduce((a, b) => a + b, 0);
  return { n, p: x.map((v) => v / n) };
};

describe('chi-square upper tail against R', () => {
  it('matches pchisq(x, df, lower.tail = FALSE) to 1e-10 relative, down to 6e-263 and up to df = 50,000', () => {
    // Oracle: R pchisq(x, df, lower.tail = FALSE), test/fixtures/r/make-fixtures.R → pchisq.json
    const cases = rFixture<TailCase[]>('pchisq.json');
    expect(Math.min(...cases.map((c) => c.p))).toBeLessThan(1e-250);
    for (const c of cases) expectApproxEqual(chiSquareUpperTail(c.x, c.df), c.p, 1e-10, `pchisq(${c.x}, ${c.df})`);
  });

  it('stays within 1e-10 of R for df from 100 to 200,000 and tails down to 1e-131', () => {
    // Oracle: R pchisq on x = df + z sqrt(2 df), z from −3 to 25 → pchisq-large-df.json.
    // Regression: @stdlib/math-base-special-gammainc 0.3.1 alone was off by up to 1.6e-2 here (df ≥ 2000).
    for (const c of rFixture<TailCase[]>('pchisq-large-df.json')) {
      expectApproxEqual(chiSquareUpperTail(c.x, c.df), c.p, 1e-10, `pchisq(${c.x}, ${c.df})`);
    }
  });

  it('gives 1 at x ≤ 0 and 0 at Infinity, and rejects df ≤ 0', () => {
    expect(chiSquareUpperTail(0, 3)).toBe(1);
    expect(chiSquareUpperTail(Infinity, 3)).toBe(0);
    expect(() => chiSquareUpperTail(1, 0)).toThrow(metricsMessage.invalidDf(0));
    expect(() => chiSquareUpperTail(Number.NaN, 2)).toThrow(metricsMessage.invalidStatistic(Number.NaN));
  });
});

describe('goodness-of-fit tests against R', () => {
  it("Pearson's X² = n Σ (p − q)²/q equals chisq.test(x, p = q) on counts", () => {
    // Oracle: R chisq.test(x, p = q)$statistic, $parameter, $p.value → goodness-of-fit.json
    for (const c of rFixture<GofCase[]>('goodness-of-fit.json')) {
      const { n, p } = shares(c.x);
      const t = chiSquareGoodnessOfFit(p, c.q, n);
      expectApproxEqual(t.statistic, c.chi2, 1e-12, `chi2 ${c.x}`);
      expect(t.df).toBe(c.df);
      expectApproxEqual(t.pValue, c.pValue, 1e-10, `p ${c.x}`);
    }
  });

  it('G = 2 n KL(p ‖ q) equals 2 Σ x ln(x/E) with its pchisq p-value', () => {
    // Oracle: R 2 * sum(x * log(x / (n q))) and pchisq(G, k − 1, lower.tail = FALSE) → goodness-of-fit.json
    for (const c of rFixture<GofCase[]>('goodness-of-fit.json')) {
      const { n, p } = shares(c.x);
      const g = gTest(p, c.q, n);
      expectApproxEqual(g.statistic, c.g, 1e-12, `G ${c.x}`);
      expectApproxEqual(g.pValue, c.gPValue, 1e-10, `G p ${c.x}`);
    }
  });

  it('hand-computed: p = (0.3, 0.7), q = (½, ½), n_eff = 100 gives X² = 16 on 1 df', () => {
    // 100 · (0.2²/0.5 + 0.2²/0.5) = 100 · 0.16 = 16
    const t = chiSquareGoodnessOfFit([0.3, 0.7], [0.5, 0.5], 100);
    expectApproxEqual(t.statistic, 16, 1e-13, 'X²');
    expect(t.df).toBe(1);
    // A fractional n_eff (Kish ESS) scales the statistic: 62.5 · 0.16 = 10
    expectApproxEqual(chiSquareGoodnessOfFit([0.3, 0.7], [0.5, 0.5], 62.5).statistic, 10, 1e-13, 'X² fractional');
  });

  it('a sample category with target 0 gives X² = G = Infinity, p-value 0; a structural zero (p = q = 0) does not count in df', () => {
    const t = chiSquareGoodnessOfFit([0.5, 0.5, 0], [1, 0, 0], 10);
    expect(t.statistic).toBe(Infinity);
    expect(t.pValue).toBe(0);
    expect(gTest([0.5, 0.5, 0], [1, 0, 0], 10).statistic).toBe(Infinity);
    // (0.3, 0.7, 0) against (0.5, 0.5, 0): two categories with q > 0, df = 1, X² as without the zero cell
    const z = chiSquareGoodnessOfFit([0.3, 0.7, 0], [0.5, 0.5, 0], 100);
    expect(z.df).toBe(1);
    expectApproxEqual(z.statistic, 16, 1e-13, 'X² with a structural zero');
    expect(() => chiSquareGoodnessOfFit([0.5, 0.5], [0.5, 0.5], 0)).toThrow(metricsMessage.invalidNEff(0));
  });
});
