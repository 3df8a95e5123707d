/**
 * Every user-facing message of `@persona/aggregation`, in one place so that tests can
 * assert on the same text the user sees. Add entries here; do not inline strings.
 */
export const message = {
  // --- Bradley–Terry core and `persona bt` (pairwise/: read-comparisons, graph, bradley-terry, mm, ilsr, newton) ---
  btMissingColumns: (names: readonly string[], hints: readonly (readonly [string, string])[] = []) =>
    `expected columns winner,loser[,count] or item_a,item_b,outcome[,count]; the file has: ${names.slice(0, 40).join(', ')}${hints
      .slice(0, 5)
      .map(([name, hint]) => `; did you mean ${hint} for "${name}"?`)
      .join('')}`,
  btUnknownColumn: (what: 'column' | 'key', name: string, allowed: readonly string[], hint: string | undefined) =>
    `unknown ${what} "${name}": expected only ${allowed.join(', ')} (names are matched exactly)${hint !== undefined ? `; did you mean ${hint}?` : ''}`,
  btEmptyItem: () => 'expected an item name, got an empty value',
  btItemSpaces: (name: string) => `item name \`${name}\` has leading or trailing spaces: expected the name without them (items are matched verbatim)`,
  btBlankCount: () => 'count is blank: the file has a count column, so every row needs a positive count',
  fileErrorDetail: (code: string, fallback: string) =>
    ({ ENOENT: 'no such file', EISDIR: 'it is a directory', ENOTDIR: 'a part of the path is not a directory', EACCES: 'permission denied', EPERM: 'permission denied' })[code] ??
    fallback,
  btNeedsComparisons: () => 'persona bt needs --comparisons FILE',
  btTooManyItems: (max: number) => `too many distinct items: at most ${max} are supported`,
  btMixedRows: () => 'every record must use the same form: winner/loser or itemA/itemB/outcome',
  btSelfComparison: (item: string) => `winner and loser are the same item "${item}": an item cannot be compared with itself`,
  btBadOutcome: (value: string) => `outcome must be "a", "b" or "tie". Value: \`${value}\`.`,
  btBadCount: (value: string) => `count must be a positive finite number. Value: \`${value}\`.`,
  btNoComparisons: () => 'no comparisons: expected at least one row',
  btTooFewItems: (n: number) => `Bradley–Terry needs at least 2 items; the comparisons name ${n}`,
  btUnknownMethod: (value: string) => `method must be "mm", "ilsr" or "newton". Value: \`${value}\`.`,
  btUnknownTies: (value: string) => `ties must be "none", "davidson" or "rao-kupper". Value: \`${value}\`.`,
  btBadPrior: (value: number) => `prior variance must be a positive finite number. Value: \`${value}\`.`,
  btTiesWithoutModel: (ties: number) =>
    `the comparisons contain ${ties} tie(s) but --ties is "none": choose --ties davidson or --ties rao-kupper`,
  btTieModelWithoutTies: (model: string) =>
    `--ties ${model} needs at least one tie to estimate the tie parameter; the comparisons have none`,
  btAllTies: (model: string) =>
    `--ties ${model}: every comparison is a tie, so the tie parameter has no finite estimate; at least one comparison must have a winner`,
  btOrderEffectUnordered: () =>
    'an order effect needs positions: give item_a,item_b,outcome columns (item_a is the first/home position), not winner,loser',
  btMethodPlainOnly: (method: string) =>
    `--method ${method} fits the plain Bradley–Terry model only: use --method newton with --ties or --order-effect`,
  btIlsrNoPrior: () => '--method ilsr has no Gaussian prior: use --method mm or newton with --prior',
  btNotStronglyConnected: (groups: readonly (readonly string[])[]) =>
    `the comparison graph is not strongly connected, so no maximum-likelihood estimate exists and every strength is unidentified; ${groups.length} groups, strongest first (no item of a group ever loses to a later group): ${groups
      .slice(0, 10)
      .map((g) => `{${g.slice(0, 10).join(', ')}${g.length > 10 ? ', …' : ''}}`)
      .join(' > ')}${groups.length > 10 ? ' > …' : ''}; add comparisons or give --prior VAR`,
  btSingularInformation: () =>
    'the information matrix is singular: the order effect or tie parameter is not identified by these comparisons (e.g. every pair meets in one order only)',
  btNoMaximum: (parameters: readonly string[], priorHelps: boolean) =>
    `no maximum-likelihood estimate: the likelihood keeps increasing without bound in a direction where ${parameters.join('; ')} (decided exactly by a recession-direction linear program); ${
      priorHelps
        ? 'add comparisons that contradict it, or give --prior VAR to regularise the strengths'
        : 'a prior on the strengths (--prior) does not bound this; add comparisons that contradict it, or drop --order-effect'
    }`,
  btDivergingStrengths: (groups: readonly (readonly string[])[]) =>
    `the strengths separate as ${groups
      .slice(0, 10)
      .map((g) => `{${g.slice(0, 10).join(', ')}${g.length > 10 ? ', …' : ''}}`)
      .join(' > ')}${groups.length > 10 ? ' > …' : ''} (the gaps grow without bound)`,
  btDivergingOrderEffect: (up: boolean) => `the order effect α → ${up ? '+∞ (the first-listed item always does at least as well)' : '−∞ (the second-listed item always does at least as well)'}`,
  btDivergingTie: (symbol: string) => `the tie parameter ${symbol} → ∞`,
  btSeOmitted: (n: number, max: number) =>
    `standard errors omitted: they need a dense ${n} × ${n} covariance matrix, computed only up to ${max} items (standardErrors: true requires them, refused above the limit; false skips them)`,
  btIllConditioned: (condition: number) =>
    `the information matrix is numerically singular (condition number ${condition.toExponential(2)} > 1e12), so the standard errors cannot be computed reliably: the strengths, tie parameter or order effect are barely identified by these comparisons; add comparisons, give --prior VAR, or use --no-se`,
  btTooManyForDense: (n: number, max: number) =>
    `standard errors were required (standardErrors: true) but need a dense covariance matrix of ${n} × ${n}, refused above ${max} items: leave standardErrors unset (omitted above the limit, seOmitted says so) or set it to false`,
  btTooManyForSe: (n: number, max: number) =>
    `${n} items: the standard errors need a dense ${n} × ${n} covariance matrix, computed only up to ${max} items; give --no-se to fit without them (se printed as null)`,
  btExtendedTooLarge: (n: number, max: number) =>
    `ties and order effects are fitted by dense Newton steps (a ${n + 2} × ${n + 2} matrix); this is refused above ${max} items`,
  btQuasiVarianceTooFew: (n: number) => `quasi-variances need at least 3 items, got ${n}`,
  btNotConverged: (method: string, iterations: number, gradient: number) =>
    `${method} did not converge in ${iterations} iterations (max relative score ${gradient.toExponential(2)})`,
  // --- paired-comparison and ranking models (models/: Thurstone, Plackett–Luce, Elo, mixture BT, covariates) ---
  modelNoComparisons: (model: string) =>
    `${model}: no comparisons: expected at least one comparison with a positive count`,
  modelBadCount: (value: number) => `count must be a positive finite number. Value: \`${value}\`.`,
  modelBadItemIndex: (value: number, items: number) =>
    `item index must be an integer in [0, ${items - 1}]. Value: \`${value}\`.`,
  modelSelfComparison: (item: string) => `an item cannot be compared with itself: "${item}"`,
  modelArrayLength: (field: string, expected: number, got: number) =>
    `${field} must have one value per comparison entry: expected length ${expected}, got ${got}`,
  modelTiesNotModelled: (model: string) =>
    `${model} does not model ties: expected outcomes 0 (first wins) or 1 (second wins) only; drop ties or use a tie-aware model`,
  modelNotIdentified: (model: string, items: readonly string[]) =>
    `${model}: the comparison graph is not strongly connected, so no maximum-likelihood estimate exists; unidentified items: ${items.slice(0, 20).join(', ')}${items.length > 20 ? ', …' : ''}`,
  judgeLength: (entries: number, judges: number) =>
    `judge must give one judge index per comparison entry: expected length ${entries}, got ${judges}`,
  badJudgeIndex: (value: number, judges: number) =>
    `judge index must be an integer in [0, ${judges - 1}]. Value: \`${value}\`.`,
  judgeWithoutComparisons: (judge: string) =>
    `judge "${judge}" has no comparisons: every listed judge needs at least one comparison`,
  badClassCount: (value: number) => `number of classes must be an integer ≥ 1. Value: \`${value}\`.`,
  tooManyClasses: (value: number, judges: number) =>
    `number of classes (${value}) exceeds the number of judges (${judges})`,
  badStarts: (value: number) => `number of random starts must be an integer ≥ 1. Value: \`${value}\`.`,
  covariateShape: (name: string, expectedRows: number, got: number) =>
    `${name} must have ${expectedRows} rows, got ${got}`,
  covariateValuesLength: (expected: number, got: number) =>
    `expected one value per judge covariate (${expected}), got ${got}`,
  covariateNotFinite: (name: string, row: number, column: string) =>
    `${name}: row ${row}, column "${column}" is not a finite number`,
  designRankDeficient: (model: string) =>
    `${model}: the design matrix is rank deficient (a covariate is constant, duplicated or a combination of others, or the comparisons do not connect the items)`,
  rankingUnknownItem: (item: string) => `ranking names an item that is not in the item list: "${item}"`,
  rankingDuplicateItem: (item: string) => `ranking lists the same item twice: "${item}"`,
  rankingTooShort: (length: number) =>
    `a ranking must order at least 2 items (a top-k ranking at least 1 item out of more). Length: ${length}`,
  noRankings: () => 'Plackett–Luce: no rankings: expected at least one ranking',
  rankingTieGroups: () => 'tie groups must be numbered 0, 1, 2, … in order within each ranking',
  tiesInTopK: () => 'ties are not supported in a top-k (truncated) ranking: give the tied items as a subset ranking instead',
  badTieOrder: (value: number) => `maximum tie order must be an integer ≥ 1. Value: \`${value}\`.`,
  tieTooLarge: (size: number, max: number) =>
    `a ranking has ${size} items tied together, more than the maximum tie order ${max}`,
  eloBadK: (value: number) => `Elo K-factor must be a positive finite number. Value: \`${value}\`.`,
  eloBadScale: (value: number) => `Elo scale must be a positive finite number. Value: \`${value}\`.`,
  eloUnknownItem: (item: string) => `Elo: unknown item "${item}"`,
  eloBadScore: (value: number) => `Elo score must be in [0, 1]. Value: \`${value}\`.`,
  eloFractionalCount: (value: number) =>
    `Elo applies each comparison count times in order, so count must be a positive integer. Value: \`${value}\`.`,

  // --- profiles (social-choice/read-profile.ts) ---
  profileNotObject: () => 'expected a JSON object with "candidates" and "ballots"',
  profileInvalidJson: (reason: string) => `not valid JSON: ${reason}`,
  profileExtension: () => 'expected a profile file ending in .json or .json.gz',
  candidatesNotList: () => 'expected a non-empty list of candidate names (strings)',
  candidateNotString: (value: unknown) => `expected a candidate name (a non-empty string), got ${JSON.stringify(value)}`,
  duplicateCandidateName: (name: string) => `candidate "${name}" is listed twice`,
  candidateSpaces: (name: string) =>
    `candidate name \`${name}\` has leading or trailing spaces: expected the name without them (candidates are matched verbatim)`,
  profileUnreadable: (detail: string) => `cannot read the file: ${detail}`,
  ballotsNotList: () => 'expected a list of ballots',
  emptyProfile: () => 'the profile has no ballots',
  ballotNotObject: () => 'expected a ballot object with "ranking" or "approved" and an optional "weight"',
  ballotNoContent: () => 'a ballot needs "ranking" (a weak order, best first) or "approved" (a list of candidates)',
  rankingNotList: () => 'expected a list whose elements are candidate names or lists of tied candidate names',
  approvedNotList: () => 'expected a list of candidate names',
  emptyTie: () => 'a tie (an inner list) must name at least one candidate',
  unknownCandidate: (name: unknown, candidates: readonly string[]) =>
    `unknown candidate ${JSON.stringify(name)} (candidates: ${candidates.slice(0, 40).join(', ')}${candidates.length > 40 ? ', …' : ''})`,
  duplicateInBallot: (name: string) => `candidate "${name}" appears twice in this ballot`,
  badWeight: (value: unknown) => `expected a positive finite weight, got ${JSON.stringify(value)}`,

  // --- rules and the registry (social-choice/registry.ts) ---
  aggregateNeeds: (option: string) => `${option} is required (or use --list to see the rules)`,
  unknownRule: (name: string, valid: readonly string[]) => `unknown rule "${name}" (valid rules: ${valid.join(', ')})`,
  committeeNeedsK: (rule: string) => `rule "${rule}" chooses a committee: give its size with --k`,
  kNotForRule: (rule: string) => `--k applies only to committee rules, and "${rule}" is not one`,
  approvalTopNotForRule: (rule: string) => `--approval-top applies only to committee rules, and "${rule}" is not one`,
  badK: (k: number, candidates: number) => `expected an integer committee size between 1 and ${candidates}, got ${k}`,
  approvalNeedsApproved: () => 'the approval rule needs "approved" on every ballot; this ballot has only a ranking',
  rankedPairsSearchCapped: (explored: number) =>
    `ranked pairs: the search over tie-breaking orders stopped after ${explored} states; the winners listed are those found so far (use --tiebreak lexicographic or random for a definite answer)`,

  // --- Kemeny, lotteries, committees, profiles from pairwise data (kemeny.ts, maximal-lottery.ts, committee/, from-pairwise.ts) ---
  kemenyTooManyForExact: (m: number, max: number) =>
    `exact Kemeny–Young needs 2^m memory: ${m} candidates is above the exact limit of ${max}; use the local-search method`,
  unknownProfileKey: (key: string, allowed: readonly string[]) => `unknown key "${key}" in the profile: expected only ${allowed.join(', ')}`,
  unknownBallotKey: (key: string, allowed: readonly string[]) => `unknown key "${key}" in a ballot: expected only ${allowed.join(', ')}`,
  kemenyNotExact: (m: number, limit: number) =>
    `kemeny: ${m} candidates is above the exact limit of ${limit}; the ranking and winner come from a local search and are not proven optimal`,
  matrixShape: (length: number, m: number) => `a pairwise matrix for ${m} candidates must have ${m * m} entries, got ${length}`,
  matrixNotFinite: (i: number, j: number) => `pairwise matrix entry (${i}, ${j}) is not a finite number`,
  lpFailed: (what: string, status: string) => `${what}: the HiGHS solver stopped with status "${status}"`,
  badTop: (value: number) => `the number of top-ranked candidates a ranking ballot approves must be an integer ≥ 1. Value: \`${value}\`.`,
  unknownCommitteeMember: (name: string) => `the committee names an unknown candidate "${name}"`,
  duplicateCommitteeMember: (name: string) => `the committee lists candidate "${name}" twice`,
  committeeSize: (size: number, k: number) => `the committee has ${size} members but k is ${k}`,
  judgeNoWeight: (judge: string) => `judge "${judge}" has comparisons but no survey weight`,
  badJudgeWeight: (judge: string, value: number) => `judge "${judge}": expected a positive finite survey weight. Value: \`${value}\`.`,
  pairwiseUnknownItem: (item: string) => `unknown item "${item}": it is not among the candidates`,
  pairwiseBadOutcome: (value: string) => `outcome must be "a", "b" or "tie". Value: \`${value}\`.`,
  btFitFailed: (judge: string) => `judge "${judge}": the Bradley–Terry fit did not converge`,
};
