import type { InputSource, WeightSummary } from '@persona/raking';

/**
 * The sample whose representativeness is checked: categorical columns as
 * strings (category keys compared exactly with the margins' keys, `"01"` ≠ `"1"`),
 * optional weights (one per row, finite, ≥ 0, not all 0) and, for standard errors
 * with replicate weights, the replicates (e.g. ACS PWGTP1..80).
 */
export interface CheckSample {
  /** Column name → values, one per row; or any table with `column(name)`/`has(name)` (a `Table` of `@persona/core`). */
  readonly columns: Readonly<Record<string, ArrayLike<string>>> | CheckColumns;
  readonly weights?: ArrayLike<number>;
  /** Replicate weights (successive-difference, scale 4/R) of `weights`, for the `se` of the shares (`seMethod` "sdr"). */
  readonly replicateWeights?: readonly ArrayLike<number>[];
}

/** A table of string columns (structurally `Table` of `@persona/core`). */
export interface CheckColumns {
  readonly names: readonly string[];
  readonly nRows: number;
  column(name: string): ArrayLike<string>;
  has(name: string): boolean;
}

/** A reference joint distribution of two variables: first category → second category → count (or share). */
export interface JointTarget {
  readonly variables: readonly [string, string];
  readonly target: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Where the reference came from (printed with the result). */
  readonly reference?: string;
}

export interface CheckOptions {
  /** Multinomial draws for the noise band (default 2000, `--noise-draws`). */
  readonly noiseDraws?: number;
  /** Seed of the noise band's draws (default 1). */
  readonly seed?: number | string;
  /** Two-way checks against reference joints (see `pumsJointTargets`). */
  readonly pairs?: readonly JointTarget[];
  /**
   * Categories outside each variable's universe (dropped from sample and target
   * before comparing, and reported apart). Default: `"0"` for every margin
   * variable that is a `@persona/census` recode with a not-in-universe code
   * (education, marital_status, employment_status, veteran_status,
   * language_at_home). Give `{}` to compare whole populations.
   */
  readonly notInUniverse?: Readonly<Record<string, readonly string[]>>;
  /** File names for error messages. */
  readonly source?: InputSource;
}

/** One category of a variable: shares within the universe. */
export interface CategoryCheck {
  /** The sample's (weighted) share. */
  readonly sample: number;
  /** The target share. */
  readonly target: number;
  /** Standard error of the sample share (replicate SDR or Taylor linearisation), null when undefined (one row). */
  readonly se: number | null;
  /** |sample − target| / sqrt(target (1 − target)), null when the target is 0 or 1. */
  readonly asmd: number | null;
  /** The same for the unweighted sample (present when the sample is weighted). */
  readonly asmdUnweighted?: number | null;
  /** Sample rows in the category. */
  readonly rows: number;
}

/** The not-in-universe part of a variable, reported apart from the comparison. */
export interface NotInUniverse {
  readonly categories: readonly string[];
  /** Share of the sample's (weighted) total outside the universe. */
  readonly sample: number;
  /** Share of the target total outside the universe. */
  readonly target: number;
  readonly rows: number;
}

/** The CONTRACTS.md per-variable block plus extra diagnostics. */
export interface VariableCheck {
  readonly categories: Readonly<Record<string, CategoryCheck>>;
  readonly tvd: number;
  readonly hellinger: number;
  /** KL(sample ‖ target) in nats; Infinity (JSON: null) when the sample has a category with target 0. */
  readonly kl: number;
  /** Jensen–Shannon divergence in bits, [0, 1]. */
  readonly js: number;
  readonly chi2: number;
  /** Categories with a positive target, minus 1 (a zero target is a structural zero: no term, no degree of freedom). */
  readonly df: number;
  readonly pValue: number;
  readonly gTest: number;
  readonly gPValue: number;
  readonly maxAbsError: number;
  readonly noiseTvdP95: number;
  readonly outsideNoise: boolean;
  /** The n_eff of the tests and noise band: rows in the universe, or their Kish ESS when weighted. */
  readonly nEff: number;
  /** Rows within the universe. */
  readonly rows: number;
  /** Balance's mean ASMD over the variable's categories (each weighs 1/categories). */
  readonly meanAsmd: number | null;
  /** The same for the unweighted sample (present when the sample is weighted): weighting should lower it. */
  readonly meanAsmdUnweighted?: number | null;
  readonly notInUniverse: NotInUniverse | null;
}

/** Weight diagnostics of a weighted sample. */
export interface WeightDiagnostics extends WeightSummary {
  /** Share of Σw carried by the largest 1 % of the weights (⌈n/100⌉ rows). */
  readonly top1PercentShare: number;
}

/** The result of `checkRepresentativeness` (CONTRACTS.md `persona check`, plus extra fields). */
export interface CheckResult {
  readonly n: number;
  readonly kishEss: number;
  readonly deff: number;
  readonly meanTvd: number;
  readonly outsideNoise: readonly string[];
  readonly variables: Readonly<Record<string, VariableCheck>>;
  /** Weight summary (null for an unweighted sample). */
  readonly weights: WeightDiagnostics | null;
  /** Two-way checks by pair name `A×B`, categories `a×b`. */
  readonly twoWay: Readonly<Record<string, VariableCheck>>;
  /**
   * How the shares' `se` were computed: "sdr" — successive-difference replication from
   * the sample's replicate weights (`sdrShares`, ACS scale 4/R); "linearised" — Taylor
   * linearisation with the weights treated as fixed (no replicate weights given).
   */
  readonly seMethod: 'sdr' | 'linearised';
  readonly noiseDraws: number;
  readonly seed: number | string;
}
