// The package's types describe a CommonJS module whose `default` is the loader, while Node
// resolves the import to its ESM build whose default export is the loader itself.
import highsPackage from 'highs';

/**
 * The HiGHS linear / mixed-integer solver (Huangfu & Hall 2018; the `highs` npm package, a
 * WebAssembly build), loaded once when this module is first imported — a top-level await —
 * so that the rules which solve linear programs (maximal lotteries, exact PAV and
 * Chamberlin–Courant) stay synchronous like every other rule in the registry.
 */
type Loader = typeof highsPackage.default;
const loadHighs = (typeof highsPackage === 'function' ? highsPackage : highsPackage.default) as Loader;
const highs = await loadHighs();

/** The primal value of every column of an optimal solution, by column name. */
export interface LpSolution {
  readonly objective: number;
  readonly values: ReadonlyMap<string, number>;
}

/**
 * Solves a model written in CPLEX LP format with HiGHS (silently) and returns the optimum,
 * or `undefined` with the solver's status when it stopped without one (infeasible,
 * unbounded, limit reached). Options default to exact MIP optimality (`mip_rel_gap` 0).
 */
export function solveLp(model: string): LpSolution | { status: string } {
  const result = highs.solve(model, { output_flag: false, mip_rel_gap: 0, mip_abs_gap: 1e-12 } as Parameters<typeof highs.solve>[1]);
  if (result.Status !== 'Optimal') return { status: String(result.Status) };
  const values = new Map<string, number>();
  for (const [name, column] of Object.entries(result.Columns)) values.set(name, (column as { Primal: number }).Primal);
  return { objective: result.ObjectiveValue, values };
}

/** A coefficient as CPLEX LP text (shortest round-trip decimal; exponents allowed). */
export function lpNumber(x: number): string {
  return String(x);
}

/** `+ 3 x0 - 2.5 x1 …` for the non-zero coefficients (an empty string when all are zero). */
export function lpTerms(coefficients: ArrayLike<number>, names: readonly string[]): string {
  const parts: string[] = [];
  for (let i = 0; i < coefficients.length; i++) {
    const a = coefficients[i];
    if (a === 0) continue;
    parts.push(`${a < 0 ? '-' : '+'} ${lpNumber(Math.abs(a))} ${names[i]}`);
  }
  return parts.join(' ');
}
