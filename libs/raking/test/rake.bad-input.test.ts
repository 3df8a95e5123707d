import { describe, expect, it } from 'vitest';
import { InputError } from '@persona/core';
import { calibrate, parseBaseWeights, rake, rakingMessage as message } from '../src/index.js';
import { expectApproxEqual } from '../../../test-support/approx-equal.js';

const variables = [
  { name: 'SEX', values: ['1', '2', '2', '1', '2', '1'] },
  { name: 'AGE', values: ['a', 'b', 'b', 'a', 'a', 'c'] },
];
const targets = { SEX: { 1: 50, 2: 50 }, AGE: { a: 40, b: 30, c: 30 } };
const source = { marginsFile: 'm.json', sampleFile: 's.csv', weightField: 'W', lineOf: (row: number) => row + 2 };

function thrown(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('rake rejects bad input with an InputError naming file, row/line and field', () => {
  it('margins whose sums overflow to Infinity do not "agree": countTotalsDisagree, not a silent NaN comparison', () => {
    // Regression: (hi − lo) / lo > tol is false for Infinity / Infinity = NaN, so such margins passed the check.
    const huge = { SEX: { 1: 1e308, 2: 1e308 }, AGE: { a: 1e308, b: 1e308, c: 1e308 } };
    const e = thrown(() => rake({ variables, targets: huge }));
    expect(e.message).toContain(message.countTotalsDisagree([{ name: 'SEX', sum: Infinity }, { name: 'AGE', sum: Infinity }], 1e-6));
  });

  it('a negative or NaN base weight names the 0-based row and the 1-based line', () => {
    const e = thrown(() => rake({ variables, targets, baseWeights: [1, 1, 1, -0.5, 1, 1], source }));
    expect(e.message).toBe(`s.csv:5: field "W": ${message.baseWeightInvalid(3, -0.5)}`);
    const n = thrown(() => rake({ variables, targets, baseWeights: [1, Number.NaN, 1, 1, 1, 1] }));
    expect(n.message).toContain(message.baseWeightInvalid(1, Number.NaN));
    expect(thrown(() => rake({ variables, targets, baseWeights: [0, 0, 0, 0, 0, 0] })).message).toContain(message.baseWeightsAllZero());
    expect(thrown(() => rake({ variables, targets, baseWeights: [1, 2] })).message).toContain(message.baseWeightsLength(2, 6));
  });

  it('a weight column of strings: blanks and non-numbers are errors, never silent zeros', () => {
    expect(Array.from(parseBaseWeights(['1.5', ' 2 ', '0', '3e1']))).toEqual([1.5, 2, 0, 30]);
    expect(thrown(() => parseBaseWeights(['1', '', '2'], source)).message).toBe(`s.csv:3: field "W": ${message.baseWeightNotNumber(1, '')}`);
    expect(thrown(() => parseBaseWeights(['1', '2', 'NA'], source)).message).toContain(message.baseWeightNotNumber(2, 'NA'));
    expect(thrown(() => parseBaseWeights(['-1'], source)).message).toContain(message.baseWeightNotNumber(0, '-1'));
  });

  it('names the line source.lineOf gives, also after a quoted line break shifted the rows', () => {
    // Rows 0, 1, 2 start on lines 2, 4, 5 (row 0 holds a line break inside quotes): row 2 is line 5, not 2 + 2.
    const lines = [2, 4, 5];
    const shifted = { sampleFile: 's.csv', weightField: 'W', lineOf: (row: number) => lines[row] };
    expect(thrown(() => parseBaseWeights(['1', '2', 'x'], shifted)).message).toBe(`s.csv:5: field "W": ${message.baseWeightNotNumber(2, 'x')}`);
    // Without lineOf the message still names the row, and no line is invented.
    expect(thrown(() => parseBaseWeights(['1', '2', 'x'], { sampleFile: 's.csv', weightField: 'W' })).message).toBe(
      `s.csv: field "W": ${message.baseWeightNotNumber(2, 'x')}`,
    );
  });

  it('a positive target for a category the sample lacks is infeasible, naming variable and category', () => {
    const e = thrown(() => rake({ variables, targets: { ...targets, AGE: { a: 40, b: 30, c: 20, d: 10 } }, source }));
    expect(e.message).toBe(`m.json: field "margins.AGE": ${message.targetCategoryNotInSample('AGE', 'd', 10, undefined)}`);
  });

  it('a target whose rows all have base weight 0 is infeasible', () => {
    const e = thrown(() => rake({ variables, targets, baseWeights: [1, 1, 1, 1, 1, 0] }));
    expect(e.message).toContain(message.targetCategoryNoWeight('AGE', 'c', 30));
  });

  it('a target reachable only through a category with target 0 is infeasible', () => {
    // AGE = c occurs only with SEX = 1, whose target is 0
    const e = thrown(() => rake({ variables, targets: { SEX: { 1: 0, 2: 100 }, AGE: { a: 40, b: 30, c: 30 } } }));
    expect(e.message).toContain(message.targetCategoryNoWeight('AGE', 'c', 30));
  });

  it('a sample category absent from the margins is an error, with the "01" vs "1" hint', () => {
    const e = thrown(() => rake({ variables, targets: { SEX: { '01': 50, 2: 50 }, AGE: targets.AGE }, source }));
    // the first problem found is the margin key "01" with a positive target
    expect(e.message).toContain(message.keyMismatchHint('01', '1'));
    const f = thrown(() => rake({ variables, targets: { SEX: { 2: 100, '01': 0 }, AGE: targets.AGE }, source }));
    expect(f.message).toBe(
      `s.csv:2: field "SEX": ${message.sampleCategoryWithoutTarget('SEX', '1', 0, 3, ['2', '01'], message.keyMismatchHint('1', '01'))}`,
    );
  });

  it('contradictory totals are an error naming the variables', () => {
    const e = thrown(() => rake({ variables, targets: { SEX: { 1: 50, 2: 50 }, AGE: { a: 40, b: 30, c: 40 } } }));
    expect(e.message).toContain(message.countTotalsDisagree([{ name: 'SEX', sum: 100 }, { name: 'AGE', sum: 110 }], 1e-6));
  });

  it('margin variables must be sample variables and vice versa; options must be valid', () => {
    expect(thrown(() => rake({ variables, targets: { ...targets, RACE: { 1: 100 } } })).message).toContain(
      message.variableNotInSample('RACE', ['SEX', 'AGE']),
    );
    expect(thrown(() => rake({ variables, targets: { SEX: targets.SEX } })).message).toContain(message.variableWithoutMargin('AGE', ['SEX']));
    expect(thrown(() => rake({ variables, targets, tol: 0 })).message).toContain(message.invalidTol(0));
    expect(thrown(() => rake({ variables, targets, maxIter: 0 })).message).toContain(message.invalidMaxIter(0));
    expect(thrown(() => rake({ variables: [], targets })).message).toContain(message.noVariables());
    expect(
      thrown(() => rake({ variables: [{ name: 'SEX', values: new Int32Array([0, 1, 2]), levels: ['1', '2'] }], targets: { SEX: targets.SEX } })).message,
    ).toContain(message.codeOutOfRange('SEX', 2, 2, 2));
  });

  it('calibrate rejects invalid bounds and methods', () => {
    expect(thrown(() => calibrate({ variables, targets, bounds: [1.2, 2] })).message).toContain(message.invalidBounds(1.2, 2));
    expect(thrown(() => calibrate({ variables, targets, method: 'logit' })).message).toContain(message.logitNeedsBounds());
    // the logit message promises 0 ≤ LO (survey:::cal.logit's g = (L(U−1) + U(1−L)e^{Au}) / … assumes it): a negative LO is refused
    expect(thrown(() => calibrate({ variables, targets, method: 'logit', bounds: [-0.5, 2] })).message).toContain(message.logitNeedsBounds());
    expect(thrown(() => calibrate({ variables, targets, method: 'cubic' as 'linear' })).message).toContain(message.unknownCalfun('cubic'));
  });
});

describe('bounds that exclude the mean g: an input error at once, not 1000 Newton steps', () => {
  it('names the factor total / Σ base weights (here 100 / 6) and the bounds', () => {
    // Closed form: Σ w = Σ g·d = total needs the d-weighted mean of g to be total / Σd = 100 / 6 ≈ 16.7, outside
    // [0.9, 1.1]. (No rescaling: the ratios population / sample total are 100/6, 50/3, 30/2, 30/1 — not all above 20.)
    const e = thrown(() => calibrate({ variables, targets, method: 'linear', bounds: [0.9, 1.1], source }));
    expect(e.message).toBe(`m.json: field "bounds": ${message.boundsExcludeTotal(100 / 6, 0.9, 1.1, 1)}`);
    expect(e.message).toContain('expected bounds LO ≤ 16.666666666666668 ≤ HI');
  });
});

describe('non-convergence is a result, not a throw', () => {
  it('reports the worst cells when maxIter is too small', () => {
    const r = rake({ variables, targets, maxIter: 1, tol: 1e-12 });
    expect(r.converged).toBe(false);
    expect(r.iterations).toBe(1);
    expect(r.worstCells.length).toBeGreaterThan(0);
    // the worst cell's error is the reported maxRelError (definition)
    expect(r.worstCells[0].relError).toBe(r.maxRelError);
    expect(Math.abs(r.worstCells[0].achieved - r.worstCells[0].target) / r.worstCells[0].target).toBe(r.maxRelError);
  });

  it('reports structurally infeasible margins (structural zeros) as not converged', () => {
    // A = x only with B = p and A = y only with B = q forces A's and B's margins to coincide; 60/40 vs 50/50 cannot hold
    const r = rake({
      variables: [{ name: 'A', values: ['x', 'x', 'y', 'y'] }, { name: 'B', values: ['p', 'p', 'q', 'q'] }],
      targets: { A: { x: 60, y: 40 }, B: { p: 50, q: 50 } },
      maxIter: 200,
    });
    expect(r.converged).toBe(false);
    expect(r.maxRelError).toBeGreaterThan(0.1);
    expect(r.worstCells.map((c) => c.variable).sort()).toEqual(['A', 'A', 'B', 'B']);
  });

  it('bounded calibration that cannot meet the margins is reported with its worst cells', () => {
    // SEX = 1 (3 rows of weight 1) needs g = 5.4 / 3 = 1.8 > 1.1, although the mean g, 6 / 6 = 1, lies within the bounds
    const r = calibrate({ variables, targets: { SEX: { 1: 5.4, 2: 0.6 }, AGE: { a: 3, b: 2, c: 1 } }, method: 'linear', bounds: [0.9, 1.1] });
    expect(r.converged).toBe(false);
    expect(r.worstCells.length).toBeGreaterThan(0);
  });

  it('reports negative GREG weights from unbounded linear calibration (closed form)', () => {
    // cells (SEX, AGE) with rows: (1,a) ×1, (1,b) ×10, (2,a) ×10, (2,b) ×1; targets SEX 90/10, AGE a 90 / b 10.
    // GREG: g = 1 + α_SEX + β_AGE. By symmetry α1 = βa = u, α2 = βb = v, and the margins give
    // 12u + 10v = 79, 10u + 12v = −1, so u = 958/44, v = (−1 − 10u)/12; w(2,b) = 1 + 2v = −35.36… < 0.
    const values = (pairs: [string, string, number][]) => {
      const sex: string[] = [];
      const age: string[] = [];
      for (const [s1, a1, k] of pairs) for (let i = 0; i < k; i++) { sex.push(s1); age.push(a1); }
      return [{ name: 'SEX', values: sex }, { name: 'AGE', values: age }];
    };
    const vars = values([['1', 'a', 1], ['1', 'b', 10], ['2', 'a', 10], ['2', 'b', 1]]);
    const r = calibrate({ variables: vars, targets: { SEX: { 1: 90, 2: 10 }, AGE: { a: 90, b: 10 } }, method: 'linear', tol: 1e-12 });
    const u = 958 / 44;
    const v = (-1 - 10 * u) / 12;
    expect(r.converged).toBe(true);
    expectApproxEqual(r.weights[0], 1 + 2 * u, 1e-12, 'w(1,a)');
    expectApproxEqual(r.weights[1], 1 + u + v, 1e-12, 'w(1,b) per row');
    expectApproxEqual(r.weights[21], 1 + 2 * v, 1e-12, 'w(2,b)');
    expect(r.negativeWeights).toBe(1);
    expect(r.gRange.min).toBeLessThan(0);
  });
});
