/**
 * Calibration functions (distance measures) of Deville & Särndal (1992,
 * "Calibration estimators in survey sampling", JASA 87:376–382) and Deville,
 * Särndal & Sautory (1993, "Generalized raking procedures in survey sampling",
 * JASA 88:1013–1020), written as R's `survey` package writes them
 * (`survey:::cal.linear`, `cal.raking`, `cal.logit`): the g-weight is
 * `g = 1 + Fm1(u)` for `u = x'λ`, and `dF` is its derivative. `bounds` are on
 * g = final / base weight.
 */
export type CalibrationMethod = 'linear' | 'raking' | 'logit';

export interface GBounds {
  readonly lower: number;
  readonly upper: number;
}

export interface CalibrationFunction {
  readonly name: CalibrationMethod;
  /** g − 1 as a function of u = x'λ. */
  Fm1(u: number, b: GBounds): number;
  /** d g / d u. */
  dF(u: number, b: GBounds): number;
}

/** Linear (chi-square distance, GREG); truncated at the bounds (`survey:::cal.linear`). */
const linear: CalibrationFunction = {
  name: 'linear',
  Fm1: (u, b) => Math.min(Math.max(u + 1, b.lower), b.upper) - 1,
  dF: (u, b) => (u < b.upper - 1 && u > b.lower - 1 ? 1 : 0),
};

/**
 * Raking ratio (multiplicative, g = exp(u)); truncated at the bounds (`survey:::cal.raking`).
 * Deviation from R: `dF` is the derivative of this `Fm1` — exp(u) where
 * L < exp(u) < U, else 0. R's `cal.raking` tests u against the bounds − 1
 * (the linear case's test), a wrong Jacobian that can stop Newton short of
 * the fixed point; where R converges, both reach the same weights.
 */
const raking: CalibrationFunction = {
  name: 'raking',
  Fm1: (u, b) => Math.min(Math.max(Math.exp(u), b.lower), b.upper) - 1,
  dF: (u, b) => {
    const e = Math.exp(u);
    return e > b.lower && e < b.upper ? e : 0;
  },
};

/** Logit (Deville & Särndal's case 6): g stays strictly inside (L, U) (`survey:::cal.logit`). */
const logit: CalibrationFunction = {
  name: 'logit',
  Fm1: (u, b) => {
    const L = b.lower;
    const U = b.upper;
    const A = (U - L) / ((U - 1) * (1 - L));
    const eAu = Math.exp(A * u);
    return (L * (U - 1) + U * (1 - L) * eAu) / (U - 1 + (1 - L) * eAu) - 1;
  },
  dF: (u, b) => {
    const L = b.lower;
    const U = b.upper;
    const A = (U - L) / ((U - 1) * (1 - L));
    const eAu = Math.exp(A * u);
    const den = U - 1 + (1 - L) * eAu;
    return (U * (1 - L) * eAu * A) / den - ((L * (U - 1) + U * (1 - L) * eAu) * ((1 - L) * eAu * A)) / (den * den);
  },
};

export const calibrationFunctions: Readonly<Record<CalibrationMethod, CalibrationFunction>> = { linear, raking, logit };
