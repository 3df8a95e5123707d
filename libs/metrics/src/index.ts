export { totalVariationDistance } from './distances/total-variation-distance.js';
export { hellingerDistance } from './distances/hellinger-distance.js';
export { kullbackLeiblerDivergence } from './distances/kullback-leibler-divergence.js';
export { jensenShannonDivergence } from './distances/jensen-shannon-divergence.js';
export { maxAbsoluteError } from './distances/max-absolute-error.js';
export { chiSquareUpperTail } from './significance/chi-square-upper-tail.js';
export { chiSquareGoodnessOfFit, type GoodnessOfFit } from './significance/chi-square-goodness-of-fit.js';
export { gTest } from './significance/g-test.js';
export { binomialVariate } from './sampling/binomial-variate.js';
export { multinomialVariate } from './sampling/multinomial-variate.js';
export { tvdNoiseBand, DEFAULT_NOISE_DRAWS, type NoiseBand, type NoiseBandOptions } from './noise/tvd-noise-band.js';
export { absoluteStandardizedMeanDifference } from './weights/asmd.js';
export { weightDiagnostics, topWeightShare } from './weights/weight-diagnostics.js';
export { readTargetShares, type TargetShares } from './margins/target-shares.js';
export { defaultNotInUniverse, notInUniverseField } from './margins/not-in-universe.js';
export { pumsJointTargets, DEFAULT_PAIRS } from './two-way/pums-joint-targets.js';
export { checkRepresentativeness, PAIR_SEPARATOR } from './check/check-representativeness.js';
export type {
  CheckSample,
  CheckColumns,
  CheckOptions,
  CheckResult,
  CategoryCheck,
  VariableCheck,
  NotInUniverse,
  WeightDiagnostics,
  JointTarget,
} from './check/check-types.js';
export { message as metricsMessage } from './messages.js';
export { readCheckSample, type CheckSampleFile } from './inputs/read-check-sample.js';
