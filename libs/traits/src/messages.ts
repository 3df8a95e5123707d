/**
 * Every user-facing message of `@persona/traits`, in one place so that tests
 * assert on the same text the user sees. Messages say what was expected and
 * what was found; the location (file, field) is added by `InputError`.
 */
export const message = {
  // Data files (big-five/, values/)
  notJsonFile: (detail: string) => `cannot read the JSON data file: ${detail}`,
  expectedBoolean: (what: unknown) => `expected true or false, got ${JSON.stringify(what)?.slice(0, 60)}`,
  expectedNumber: (what: unknown) => `expected a finite number, got ${JSON.stringify(what)}`,
  expectedObject: (what: unknown) => `expected a JSON object, got ${JSON.stringify(what)?.slice(0, 60)}`,
  expectedArray: (length: number, what: unknown) =>
    `expected an array of ${length} entries, got ${Array.isArray(what) ? `${what.length} entries` : JSON.stringify(what)?.slice(0, 60)}`,
  notSquareMatrix: (n: number) => `expected a ${n}×${n} matrix (an array of ${n} rows of ${n} numbers)`,
  notUnitDiagonal: (i: number, value: number) => `a correlation matrix has 1 on its diagonal; entry [${i}][${i}] is ${value}`,
  notSymmetric: (i: number, j: number, a: number, b: number) =>
    `a correlation matrix is symmetric; entry [${i}][${j}] = ${a} but [${j}][${i}] = ${b}`,
  correlationOutOfRange: (i: number, j: number, value: number) =>
    `a correlation lies in [-1, 1]; entry [${i}][${j}] is ${value}`,
  notPositiveDefinite: (pivot: number, value: number) =>
    `the matrix is not positive definite (Cholesky pivot ${pivot} is ${value.toPrecision(3)}; expected > 0): the correlations are not jointly possible`,
  unknownName: (name: string, expected: readonly string[]) => `unknown name "${name}" (expected one of: ${expected.join(', ')})`,
  missingName: (name: string) => `missing entry for "${name}"`,
  cutsNotIncreasing: (cuts: readonly number[]) => `expected 4 strictly increasing cut points, got [${cuts.join(', ')}]`,
  knotsNotIncreasing: () => 'expected strictly increasing age knots',
  unknownCorrection: (value: unknown) => `expected "none" or "higham2002", got ${JSON.stringify(value)}`,
  jointNotPositiveDefinite: (detail: string) =>
    `the joint [Big Five, values] correlation matrix is not positive definite and "jointCorrection" is "none" (${detail}); set "jointCorrection": "higham2002" to use the nearest correlation matrix`,
  // Drawing (streams/, big-five/, values/)
  invalidAge: (age: unknown) => `invalid age: expected a finite number of years ≥ 0. Value: \`${String(age)}\`.`,
  invalidSex: (sex: unknown) => `invalid sex: expected the PUMS SEX code 1 (male) or 2 (female). Value: \`${String(sex)}\`.`,
  lengthMismatch: (what: string, got: number, expected: number) => `${what} has ${got} entries, expected ${expected}`,
  invalidPersonaId: (id: unknown) => `invalid persona id: expected a non-empty string or an integer. Value: \`${String(id)}\`.`,
  invalidAttribute: (attribute: unknown) =>
    `invalid attribute name: expected a non-empty string without "/". Value: \`${String(attribute)}\`.`,
  wrongLevelCount: (got: number) => `expected 5 Big Five levels (O, C, E, A, N), got ${got}`,
  // Survey tables (religion/, politics/) and idiosyncrasy lists (idiosyncrasies/)
  expectedString: (what: unknown) => `expected a non-empty string, got ${JSON.stringify(what)?.slice(0, 60)}`,
  expectedInteger: (what: unknown) => `expected a non-negative integer, got ${JSON.stringify(what)?.slice(0, 60)}`,
  probabilityRowSum: (sum: number) => `expected probabilities ≥ 0 summing to 1 (within 1e-6), got a sum of ${sum}`,
  cellCount: (got: number, expected: number) => `expected ${expected} cells (the product of the variables' level counts), got ${got}`,
  unknownVariable: (name: string, expected: readonly string[]) => `unknown variable "${name}" (expected one of: ${expected.join(', ')})`,
  levelsMismatch: (variable: string, expected: readonly string[]) => `expected the levels of "${variable}" to be [${expected.join(', ')}]`,
  personField: (variable: string, value: unknown) =>
    `cannot place the person in a survey cell: field ${variable} is \`${String(value)}\` (expected a PUMS code in range)`,
  unknownRuleKey: (key: string, expected: readonly string[]) => `unknown rule key "${key}" (expected one of: ${expected.join(', ')})`,
  unknownCondition: (name: string) =>
    `unknown condition "${name}" (expected a PUMS variable in capitals such as "DPHY", "religionFamily", or a flag defined in rules.json)`,
  flagValue: (name: string, what: unknown) => `flag "${name}" takes true or false, got ${JSON.stringify(what)}`,
  codeList: (name: string, what: unknown) =>
    `variable "${name}" takes a non-empty array of PUMS codes as strings, each a code or an inclusive range (e.g. ["1"], ["45..200"]), got ${JSON.stringify(what)}`,
  emptyCodeRange: (name: string, range: string) => `code range "${range}" of variable "${name}" is empty (expected "low..high" with low ≤ high)`,
  codeTooLarge: (name: string, code: string, max: number) => `code "${code}" of variable "${name}" exceeds ${max}, the largest PUMS code a rule may name`,
  religionFamilyList: (what: unknown) =>
    `"religionFamily" takes a non-empty array of religion families as strings (e.g. ["Jewish"]), got ${JSON.stringify(what)?.slice(0, 80)}`,
  unknownReligionFamily: (family: string, expected: readonly string[]) =>
    `unknown religion family "${family}" (expected one of the "religionFamilies" of rules.json: ${expected.join(', ')})`,
  religionFamilyVocabulary: (what: unknown) =>
    `expected "religionFamilies" to be a non-empty array of distinct non-empty strings (the families of data/traits/religion.json), got ${JSON.stringify(what)?.slice(0, 120)}`,
  flagDefinition: (name: string) =>
    `flag "${name}" must define either "variable" and "codes" (a PUMS condition) or "religionFamilies" (a condition on the drawn religion), not both or neither`,
  ageBounds: (min: number, max: number) => `minAge (${min}) is greater than maxAge (${max})`,
  duplicateEntry: (what: string, value: string) => `duplicate ${what} "${value}"`,
  tooFewEntries: (category: string, got: number, minimum: number) => `list "${category}" has ${got} entries, expected at least ${minimum}`,
  categoryMismatch: (got: unknown, expected: string) => `expected "category": "${expected}", got ${JSON.stringify(got)}`,
  invalidCount: (category: string, count: unknown) =>
    `invalid count for "${category}": expected a non-negative integer. Value: \`${String(count)}\`.`,
  unknownCategory: (category: string, expected: readonly string[]) => `unknown idiosyncrasy category "${category}" (expected one of: ${expected.join(', ')})`,
  tooManyEligibilityCells: (cells: number) =>
    `the rules of the idiosyncrasy lists (the flags of rules.json and the requires/excludes of the five lists, taken together) split persons into ${cells.toExponential(2)} possible eligibility cells, more than can be keyed exactly (2^53); use fewer distinct code sets per variable`,
  invalidWeight: (what: unknown) => `expected a positive finite weight, got ${JSON.stringify(what)}`,
  // Review fixes (big-five/, values/, survey-tables/, streams/): data-file ranges and shapes
  fixedOrder: (expected: readonly string[], got: unknown) =>
    `expected exactly [${expected.map((e) => JSON.stringify(e)).join(', ')}] in this order (the fixed order in which this library reads every array of the file), got ${JSON.stringify(got)?.slice(0, 120)}`,
  kappaRange: (value: number) =>
    `expected a number in [0, 1) (the circulant value correlation matrix is positive definite only for 0 ≤ kappa < 1), got ${value}`,
  minEigenvalueRange: (value: number, bigFiveMin?: number) =>
    bigFiveMin === undefined
      ? `expected a number in (0, 1) (above 0 so the corrected matrix can be Cholesky-factored; below 1, the largest smallest eigenvalue a correlation matrix can have), got ${value}`
      : `expected a number in (0, ${bigFiveMin.toPrecision(4)}) (above 0 so the corrected matrix can be Cholesky-factored; below ${bigFiveMin.toPrecision(4)}, the smallest eigenvalue of the Big Five correlation matrix, which the correction keeps fixed: no joint matrix containing it has a larger smallest eigenvalue), got ${value}`,
  correctedNotPositiveDefinite: (detail: string, minEigenvalue: number) =>
    `the joint [Big Five, values] correlation matrix is still not positive definite after the "higham2002" correction (${detail}; smallest eigenvalue ${minEigenvalue.toPrecision(3)}): raise "minEigenvalue" within its allowed range`,
  expectedKnots: (what: unknown) =>
    `expected an array of at least 1 age knot, got ${Array.isArray(what) ? `${what.length} entries` : JSON.stringify(what)?.slice(0, 60)}`,
  expectedPositiveInteger: (what: unknown) => `expected a positive integer, got ${JSON.stringify(what)?.slice(0, 60)}`,
  expectedPositiveNumber: (what: unknown) => `expected a finite number > 0, got ${JSON.stringify(what)?.slice(0, 60)}`,
  negativeProbability: (p: number) => `expected a probability ≥ 0, got a negative entry ${p}`,
  eigenNotConverged: (n: number, sweeps: number) =>
    `the Jacobi eigen-decomposition of a ${n}×${n} matrix did not converge in ${sweeps} sweeps (expected a finite symmetric matrix)`,
  personaIdWithSlash: (id: string) =>
    `invalid persona id: expected a non-empty string without "/" (the seed-path separator) or an integer. Value: \`${id}\`.`,
};
