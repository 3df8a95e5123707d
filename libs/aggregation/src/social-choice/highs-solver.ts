// The package's types describe a CommonJS module whose `default` is the loader, while Node
// resolves the import to its ESM build whose default export is the loader itself.
import type highsPackage from 'highs';

/**
 * The HiGHS linear / mixed-integer solver (Huangfu & Hall 2018; the `highs` npm package, a
 * WebAssembly build). It is loaded lazily, on the first solve, and then kept: importing the
 * library (every `persona` command does) costs nothing, and only the rules that solve linear
 * programs (maximal lotteries, exact PAV and Chamberlin–Courant beyond exhaustive search) pay
 * for the WebAssembly start-up, once per process.
 */
type Loader = typeof highsPackage.default;
type Highs = Awaited<ReturnType<Loader>>;
let highs: Promise<Highs> | undefined;

/** Imports the `highs` package and starts its WebAssembly module (both only on first use). */
async function loadHighs(): Promise<Highs> {
  const loaded: unknown = (await import('highs')).default;
  const loader = (typeof loaded === 'function' ? loaded : (loaded as typeof highsPackage).default) as Loader;
  return loader();
}

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
export async function solveLp(model: string): Promise<LpSolution | { status: string }> {
  highs ??= loadHighs();
  const solver = await highs;
  const result = solver.solve(model, { output_flag: false, mip_rel_gap: 0, mip_abs_gap: 1e-12 } as Parameters<Highs['solve']>[1]);
  if (result.Status !== 'Optimal') return { status: String(result.Status) };
  const values = new Map<string, number>();
  for (const [name, column] of Object.entries(result.Columns)) values.set(name, (column as { Primal: number }).Primal);
  return { objective: result.ObjectiveValue, values };
}

/** A linear program in arrays: maximise cᵀx subject to rowLower ≤ A x ≤ rowUpper, colLower ≤ x ≤ colUpper (±Infinity allowed). */
export interface LpArrays {
  readonly cost: Float64Array;
  readonly colLower: Float64Array;
  readonly colUpper: Float64Array;
  readonly rowLower: Float64Array;
  readonly rowUpper: Float64Array;
  /** A in compressed sparse rows: row i's entries are `index`/`value`[start[i] .. start[i + 1]). */
  readonly start: Int32Array;
  readonly index: Int32Array;
  readonly value: Float64Array;
}

/**
 * Maximises an {@link LpArrays} model with HiGHS' structured interface (`raw.lpCall`: no LP
 * text to write or parse, and ranged rows) and returns the optimum with the column values,
 * or `undefined` with the model status when it stopped without one.
 */
export async function maximiseLp(lp: LpArrays): Promise<{ objective: number; x: Float64Array } | { status: string }> {
  highs ??= loadHighs();
  const solver = await highs;
  const infinity = solver.infinity;
  const clamp = (v: Float64Array) => v.map((x) => (x === Infinity ? infinity : x === -Infinity ? -infinity : x));
  const numCols = lp.cost.length;
  const numRows = lp.rowLower.length;
  const result = solver.raw.lpCall({
    numCols,
    numRows,
    sense: solver.constants.objectiveSense.maximize,
    colCost: lp.cost,
    colLower: clamp(lp.colLower),
    colUpper: clamp(lp.colUpper),
    rowLower: clamp(lp.rowLower),
    rowUpper: clamp(lp.rowUpper),
    matrix: { format: 'csr', numRows, numCols, starts: lp.start, indices: lp.index, values: lp.value },
  });
  if (result.status === -1) return { status: 'error' };
  const { modelStatus, solution } = result.value;
  if (modelStatus !== solver.constants.modelStatus.optimal) return { status: `model status ${modelStatus}` };
  let objective = 0;
  for (let j = 0; j < numCols; j++) objective += lp.cost[j] * solution.colValue[j];
  return { objective, x: solution.colValue };
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
