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
    `unknown condition "${name}" (expected a PUMS variable in capitals such as "DPHY", or a flag defined in rules.json)`,
  flagValue: (name: string, what: unknown) => `flag "${name}" takes true or false, got ${JSON.stringify(what)}`,
  codeList: (name: string, what: unknown) => `variable "${name}" takes a non-empty array of PUMS codes as strings (e.g. ["1"]), got ${JSON.stringify(what)}`,
  ageBounds: (min: number, max: number) => `minAge (${min}) is greater than maxAge (${max})`,
  duplicateEntry: (what: string, value: string) => `duplicate ${what} "${value}"`,
  tooFewEntries: (category: string, got: number, minimum: number) => `list "${category}" has ${got} entries, expected at least ${minimum}`,
  categoryMismatch: (got: unknown, expected: string) => `expected "category": "${expected}", got ${JSON.stringify(got)}`,
  invalidCount: (category: string, count: unknown) =>
    `invalid count for "${category}": expected a non-negative integer. Value: \`${String(count)}\`.`,
  unknownCategory: (category: string, expected: readonly string[]) => `unknown idiosyncrasy category "${category}" (expected one of: ${expected.join(', ')})`,
  invalidWeight: (what: unknown) => `expected a positive finite weight, got ${JSON.stringify(what)}`,
};
