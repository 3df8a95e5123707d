/**
 * Derives data/traits/religion.json and data/traits/politics.json from the
 * published figures in data/traits/{religion,politics}-sources.json and the
 * ACS 2024 PUMS seed (data/census/acs2024_1yr_person_us_1in100hh.csv).
 *
 * Method (documented in the output files' `method` field):
 * 1. Cells: the cross-classification of the conditioning variables; each
 *    cell's weight N(x) is the ACS 2024 count of adults (18+) in it (PWGTP
 *    summed over the seed's adult rows).
 * 2. Targets: every published figure says that among the adults of a domain
 *    D (e.g. region = West) a set S of outcome categories holds a share t.
 *    Figures from a survey other than the anchor survey are moved to the
 *    anchor's level by a constant log-odds shift:
 *    logit t' = logit t − logit n_s(S) + logit n_anchor(S), with n the national
 *    shares of S in the two surveys ("levelShift").
 * 3. Fit: iterative proportional fitting (Deming & Stephan 1940) of the cell
 *    conditionals p(y | x), started from the anchor's national distribution:
 *    for each target in turn, the categories in S (and in the remainder) of
 *    every cell of D are scaled so that the N-weighted share equals the target,
 *    then each cell is renormalised (this keeps the ACS joint of x fixed).
 *    The national anchor comes last in every cycle, so it is reproduced
 *    exactly; the other targets come from different surveys and years and are
 *    not mutually consistent, so they are matched approximately — the fit of
 *    every published figure is written to the output (`fit`). The fixed point
 *    is a main-effects log-linear model of y on the domains (Bishop, Fienberg
 *    & Holland 1975, ch. 3).
 *
 * Run: npx tsx --conditions=@persona/source libs/traits/scripts/make-trait-distributions.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { regionOfState } from '@persona/census';

const root = new URL('../../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

type Levels = Record<string, readonly string[]>;
interface Target {
  id: string;
  published: Record<string, number>;
  /** Cells (indices) of the domain. */
  domain: Int32Array;
  /** Outcome indices in the universe (all outcomes unless within a party). */
  universe: number[];
  /** Disjoint sets with their (level-shifted) target shares, then the remainder. */
  sets: { name: string; outcomes: number[]; share: number }[];
}

const logit = (p: number) => Math.log(p / (1 - p));
const expit = (z: number) => 1 / (1 + Math.exp(-z));

// ---- ACS adult cell weights -------------------------------------------------
const seedLines = read('data/census/acs2024_1yr_person_us_1in100hh.csv').trimEnd().split('\n');
const header = seedLines[0].split(',');
const col = (name: string) => header.indexOf(name);
const [iAge, iSex, iRac, iHisp, iSchl, iState, iW] = ['AGEP', 'SEX', 'RAC1P', 'HISP', 'SCHL', 'STATE', 'PWGTP'].map(col);
interface Adult { agep: number; age: number; race: number; education: number; region: number; sex: number; weight: number }
const adults: Adult[] = [];
for (let i = 1; i < seedLines.length; i++) {
  const f = seedLines[i].split(',');
  const agep = Number(f[iAge]);
  if (agep < 18) continue;
  const hisp = Number(f[iHisp]);
  const rac = Number(f[iRac]);
  const schl = Number(f[iSchl]);
  adults.push({
    agep,
    age: agep < 30 ? 0 : agep < 50 ? 1 : agep < 65 ? 2 : 3,
    race: hisp !== 1 ? 3 : rac === 1 ? 0 : rac === 2 ? 1 : rac === 6 ? 2 : 4,
    education: schl <= 17 ? 0 : schl <= 20 ? 1 : schl === 21 ? 2 : 3,
    region: regionOfState(f[iState]) - 1,
    sex: Number(f[iSex]) - 1,
    weight: Number(f[iW]) * 100,
  });
}

function cellWeights(order: readonly string[], levels: Levels): Float64Array {
  const sizes = order.map((v) => levels[v].length);
  const n = sizes.reduce((a, b) => a * b, 1);
  const weights = new Float64Array(n);
  for (const adult of adults) {
    let index = 0;
    for (let v = 0; v < order.length; v++) index = index * sizes[v] + (adult as unknown as Record<string, number>)[order[v]];
    weights[index] += adult.weight;
  }
  return weights;
}

/** Cell indices whose level of each `given` variable is among the given levels. */
function domainOf(given: Record<string, string[]> | undefined, order: readonly string[], levels: Levels): Int32Array {
  const sizes = order.map((v) => levels[v].length);
  const n = sizes.reduce((a, b) => a * b, 1);
  const out: number[] = [];
  for (let cell = 0; cell < n; cell++) {
    let rest = cell;
    let ok = true;
    for (let v = order.length - 1; v >= 0; v--) {
      const level = rest % sizes[v];
      rest = Math.floor(rest / sizes[v]);
      const allowed = given?.[order[v]];
      if (allowed && !allowed.includes(levels[order[v]][level])) ok = false;
    }
    if (ok) out.push(cell);
  }
  for (const name of Object.keys(given ?? {})) if (!order.includes(name)) throw new Error(`unknown variable ${name}`);
  return Int32Array.from(out);
}

// ---- IPF ---------------------------------------------------------------------
function fit(p: Float64Array, k: number, weights: Float64Array, targets: Target[], cycles: number): number {
  const cells = weights.length;
  let maxChange = 0;
  for (let cycle = 0; cycle < cycles; cycle++) {
    maxChange = 0;
    for (const t of targets) {
      const mass = t.sets.map(() => 0);
      let total = 0;
      for (const x of t.domain) {
        for (let s = 0; s < t.sets.length; s++) for (const y of t.sets[s].outcomes) mass[s] += weights[x] * p[x * k + y];
        for (const y of t.universe) total += weights[x] * p[x * k + y];
      }
      const factors = t.sets.map((set, s) => (mass[s] > 0 ? (set.share * total) / mass[s] : 1));
      for (let s = 0; s < t.sets.length; s++) maxChange = Math.max(maxChange, Math.abs(mass[s] / total - t.sets[s].share));
      for (const x of t.domain) for (let s = 0; s < t.sets.length; s++) for (const y of t.sets[s].outcomes) p[x * k + y] *= factors[s];
      for (let x = 0; x < cells; x++) {
        let sum = 0;
        for (let y = 0; y < k; y++) sum += p[x * k + y];
        for (let y = 0; y < k; y++) p[x * k + y] /= sum;
      }
    }
    if (maxChange < 1e-12) return cycle + 1;
  }
  return cycles;
}

function shareOf(p: Float64Array, k: number, weights: Float64Array, domain: Int32Array, outcomes: number[], universe: number[]): number {
  let num = 0;
  let den = 0;
  for (const x of domain) {
    for (const y of outcomes) num += weights[x] * p[x * k + y];
    for (const y of universe) den += weights[x] * p[x * k + y];
  }
  return num / den;
}

const round = (v: number, digits: number) => Number(v.toFixed(digits));
/** The variables named in a `harmonised` log, in order of first appearance, e.g. "region, education, race, age". */
const harmonisedVariables = (log: Record<string, unknown>[]) => [...new Set(log.map((entry) => String(entry.variable)))].join(', ');

/**
 * What the log-odds level shift did to each set, from the `levelShifts` log:
 * "unchanged" when the survey's national share equals the anchor's, else the
 * range of target − published in points with the largest move as an example.
 */
function shiftSummary(log: Record<string, unknown>[]): string {
  const sets = [...new Set(log.map((entry) => String(entry.set)))];
  return sets
    .map((set) => {
      const entries = log.filter((entry) => entry.set === set) as { constraint: string; published: number; surveyNational: number; anchorNational: number; target: number }[];
      const first = entries[0]!;
      if (entries.every((e) => e.surveyNational === e.anchorNational)) {
        return `${set}: national ${first.surveyNational}% in both surveys, so its targets are unchanged`;
      }
      const moves = entries.map((e) => e.target - e.published);
      const largest = entries[moves.indexOf(moves.reduce((a, b) => (Math.abs(b) > Math.abs(a) ? b : a)))]!;
      const lo = Math.min(...moves);
      const hi = Math.max(...moves);
      return `${set}: national ${first.surveyNational}% against the anchor's ${first.anchorNational}%, so its targets move by ${lo.toFixed(1)} to ${hi.toFixed(1)} points (largest: ${largest.constraint}, ${largest.published.toFixed(1)} -> ${largest.target.toFixed(1)})`;
    })
    .join('; ');
}
const maxGap = (report: { sets: { target: number; model: number }[] }[]) =>
  Math.max(...report.flatMap((c) => c.sets.map((s) => Math.abs(s.model - s.target))));

/** Builds the sets of a target: listed categories/groups, then the remainder of the universe. */
function setsOf(
  shares: Record<string, number>,
  universe: number[],
  outcomesOf: (name: string) => number[],
  shift: (name: string, share: number) => number,
  id: string,
): Target['sets'] {
  const sets = Object.entries(shares).map(([name, pct]) => ({ name, outcomes: outcomesOf(name), share: shift(name, pct / 100) }));
  const used = new Set(sets.flatMap((s) => s.outcomes));
  const rest = universe.filter((y) => !used.has(y));
  const restShare = 1 - sets.reduce((a, s) => a + s.share, 0);
  if (restShare < -1e-9 || (rest.length === 0 && Math.abs(restShare) > 0.02)) throw new Error(`${id}: shares do not leave a valid remainder (${restShare})`);
  if (rest.length > 0) sets.push({ name: '(remainder)', outcomes: rest, share: Math.max(restShare, 1e-6) });
  else {
    const sum = sets.reduce((a, s) => a + s.share, 0);
    for (const s of sets) s.share /= sum;
  }
  return sets;
}


/**
 * Harmonises the targets of constraints that split the adults by one
 * variable (regions; college / no college; race groups; age groups), per
 * set S with national anchor share n: when the parts listing S cover every
 * level, their targets are scaled by the one factor f = n·N / Σ N_l t_l that
 * makes their ACS-weighted mean n; when some levels do not list S, the rate
 * those levels must then have, u = (n·N − Σ N_l t_l) / N_unlisted, is kept
 * ≥ 0.1·n by scaling the listed targets only when it would fall below
 * (f = (n·N − 0.1·n·N_unlisted) / Σ N_l t_l). Figures from other years and
 * population compositions (the Hispanic share of adults grew from 2014 to
 * 2024) otherwise imply national totals the anchor contradicts, and IPF
 * drives the uncovered cells to 0.
 */
function harmonise(targets: Target[], given: (Record<string, string[]> | undefined)[], weights: Float64Array, national: (name: string) => number, log: Record<string, unknown>[]): void {
  const total = weights.reduce((a, b) => a + b, 0);
  const groups = new Map<string, number[]>();
  given.forEach((g, i) => {
    const names = Object.keys(g ?? {});
    if (names.length !== 1) return;
    const key = `${names[0]}|${targets[i].universe.join(',')}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  for (const [key, members] of groups) {
    const names = new Set(members.flatMap((i) => targets[i].sets.map((s) => s.name)).filter((name) => name !== '(remainder)'));
    for (const name of names) {
      const listing = members.filter((i) => targets[i].sets.some((s) => s.name === name));
      const levels = listing.flatMap((i) => given[i]![key.split('|')[0]]);
      if (new Set(levels).size !== levels.length) throw new Error(`overlapping domains for ${name} in ${key}`);
      let covered = 0;
      let implied = 0;
      for (const i of listing) {
        const w = Array.from(targets[i].domain).reduce((a, x) => a + weights[x], 0);
        covered += w;
        implied += w * targets[i].sets.find((s) => s.name === name)!.share;
      }
      const n = national(name);
      const rest = total - covered;
      let factor = 1;
      if (rest <= total * 1e-9) {
        factor = (n * total) / implied;
      } else if ((n * total - implied) / rest < 0.1 * n) {
        factor = (n * total - rest * 0.1 * n) / implied;
      }
      for (const i of listing) targets[i].sets.find((s) => s.name === name)!.share *= factor;
      log.push({ variable: key.split('|')[0], set: name, listedShareOfAdults: round(covered / total, 4), factor: round(factor, 6) });
    }
    for (const i of members) {
      const rest = targets[i].sets.find((s) => s.name === '(remainder)');
      const listedSum = targets[i].sets.filter((s) => s !== rest).reduce((a, s) => a + s.share, 0);
      if (rest) {
        if (listedSum >= 1) throw new Error(`${targets[i].id}: harmonised shares exceed 1`);
        rest.share = 1 - listedSum;
      } else if (Math.abs(listedSum - 1) > 1e-9) {
        for (const set of targets[i].sets) set.share /= listedSum;
      }
    }
  }
}

// ---- Religion ---------------------------------------------------------------
function religion(): void {
  const src = JSON.parse(read('data/traits/religion-sources.json'));
  const order = ['age', 'race', 'education', 'region'] as const;
  const levels: Levels = Object.fromEntries(order.map((v) => [v, src.variables[v].levels]));
  const ids: string[] = src.categories.map((c: { id: string }) => c.id);
  const k = ids.length;
  const groups: Record<string, string[]> = src.groups;
  const outcomesOf = (name: string) => (groups[name] ?? [name]).map((id) => {
    const y = ids.indexOf(id);
    if (y < 0) throw new Error(`unknown category ${id}`);
    return y;
  });
  const anchor = src.national[src.anchor].shares as Record<string, number>;
  const anchorTotal = Object.values(anchor).reduce((a, b) => a + b, 0);
  const anchorShare = (name: string) => outcomesOf(name).reduce((a, y) => a + anchor[ids[y]] / anchorTotal, 0);
  const weights = cellWeights(order, levels);
  const universe = ids.map((_, y) => y);
  const all = domainOf(undefined, order, levels);

  const targets: Target[] = [];
  const shifts: Record<string, unknown>[] = [];
  for (const c of src.constraints) {
    let shares: Record<string, number> = c.shares;
    if (c.bayesFromRate) {
      const { overall, rates, complement } = c.bayesFromRate;
      shares = Object.fromEntries(
        Object.entries(rates as Record<string, number>).map(([id, rate]) => [
          id,
          (100 * (complement ? 1 - rate / 100 : rate / 100) * anchorShare(id)) / (complement ? 1 - overall / 100 : overall / 100),
        ]),
      );
    }
    const shift = (name: string, share: number) => {
      if (c.survey === src.anchor) return share;
      const national = src.national[c.survey];
      const fromTable = national.shares && outcomesOf(name).every((y) => national.shares[ids[y]] !== undefined)
        ? outcomesOf(name).reduce((a, y) => a + national.shares[ids[y]], 0) : undefined;
      const n = c.nationalGroupShares?.[name] ?? national.groupShares?.[name] ?? fromTable;
      if (n === undefined) throw new Error(`${c.id}: no national share of ${name} in ${c.survey}`);
      const shifted = expit(logit(share) - logit(n / 100) + logit(anchorShare(name)));
      shifts.push({ constraint: c.id, set: name, published: share * 100, surveyNational: n, anchorNational: round(anchorShare(name) * 100, 4), target: round(shifted * 100, 4) });
      return shifted;
    };
    targets.push({ id: c.id, published: shares, domain: domainOf(c.given, order, levels), universe, sets: setsOf(shares, universe, outcomesOf, shift, c.id) });
  }
  const harmonised: Record<string, unknown>[] = [];
  harmonise(targets, src.constraints.map((c: { given?: Record<string, string[]> }) => c.given), weights, (name) => anchorShare(name), harmonised);
  const national: Target = {
    id: 'national-2014', published: anchor, domain: all, universe,
    sets: ids.map((id, y) => ({ name: id, outcomes: [y], share: anchor[id] / anchorTotal })),
  };
  targets.push(national);

  const p = new Float64Array(weights.length * k);
  for (let x = 0; x < weights.length; x++) for (let y = 0; y < k; y++) p[x * k + y] = anchor[ids[y]] / anchorTotal;
  const cycles = fit(p, k, weights, targets, 2000);
  const anchorCycles = fit(p, k, weights, [national], 100000);

  const fitReport = fitReportOf(targets, p, k, weights);

  // Minors (under 18): the parents' generation — adults 30–49 of the same race and region, averaged over their education.
  const minors: number[][] = [];
  for (let race = 0; race < levels.race.length; race++) {
    for (let region = 0; region < levels.region.length; region++) {
      const row = new Float64Array(k);
      let total = 0;
      for (let education = 0; education < levels.education.length; education++) {
        const x = ((1 * levels.race.length + race) * levels.education.length + education) * levels.region.length + region;
        const w = weights[x] > 0 ? weights[x] : 0;
        total += w;
        for (let y = 0; y < k; y++) row[y] += w * p[x * k + y];
      }
      minors.push(Array.from(row, (v) => round(total > 0 ? v / total : 1 / k, 8)));
    }
  }

  const out = {
    description: 'P(religion | age group, race/ethnicity, education, census region) for U.S. adults, and P(religion | race/ethnicity, region) for persons under 18 (their parents\' generation). Loaded by loadReligionModel() in @persona/traits; derived — do not edit by hand.',
    derivedBy: 'libs/traits/scripts/make-trait-distributions.ts from data/traits/religion-sources.json and data/census/acs2024_1yr_person_us_1in100hh.csv',
    sources: src.surveys,
    method: {
      cells: 'cross-classification of the variables in `variables` order (last varies fastest); cellWeights[x] = ACS 2024 1-year PUMS adults (18+) in cell x (PWGTP × 100 summed over the 1-in-100 seed)',
      levelShift: 'a figure from a survey other than the anchor (rls2014) is moved to the anchor level by a constant log-odds shift: logit t\' = logit t − logit n_survey(S) + logit n_anchor(S); see `levelShifts`',
      fit: `iterative proportional fitting of p(religion | cell) to every target (published figure) over the ACS cell weights, cells renormalised after each step, national anchor last; ${cycles} cycles over all targets, then ${anchorCycles} cycles over the national anchor alone so that it is reproduced exactly (to 1e-12). After level shift and harmonisation the targets are nearly consistent: the largest gap between a target and the model is ${maxGap(fitReport).toFixed(3)} percentage points. \`fit\` gives the published figure, the target (after shift and harmonisation) and the model share of each.`,
      harmonise: `per variable that splits the adults (${harmonisedVariables(harmonised)}) and per category or group S with 2014 national share n: if every level lists S, its targets are scaled by one factor so that their ACS-weighted mean is n; if some levels do not, the listed targets are scaled only as far as needed for the unlisted levels to keep a rate of at least 0.1·n (\`harmonised\` gives every factor, 1 = unchanged). Without this, figures from other years and population compositions (e.g. the larger Hispanic share of 2024 adults) contradict the national anchor and IPF drives uncovered cells to 0. \`target\` in \`fit\` is after shift and harmonisation`,
      minors: 'persons under 18: weighted mean of the cells of adults 30–49 with the same race and region over education (ACS weights)',
    },
    variables: Object.fromEntries(order.map((v) => [v, { levels: levels[v], definition: src.variables[v].definition }])),
    categories: src.categories,
    cellWeights: Array.from(weights, (w) => round(w, 2)),
    probabilities: Array.from({ length: weights.length }, (_, x) => Array.from(p.subarray(x * k, x * k + k), (v) => round(v, 8))),
    minors: { variables: ['race', 'region'], probabilities: minors },
    levelShifts: shifts,
    harmonised,
    fit: fitReport,
  };
  writeFileSync(new URL('data/traits/religion.json', root), `${JSON.stringify(out, null, 1)}\n`);
  process.stderr.write(`religion: ${cycles} cycles, ${weights.length} cells\n`);
}

// ---- Politics ---------------------------------------------------------------
function politics(): void {
  const src = JSON.parse(read('data/traits/politics-sources.json'));
  const order = ['age', 'race', 'education', 'sex'] as const;
  const levels: Levels = Object.fromEntries(order.map((v) => [v, src.variables[v].levels]));
  const parties: string[] = src.dimensions.party.map((d: { id: string }) => d.id);
  const ideologies: string[] = src.dimensions.ideology.map((d: { id: string }) => d.id);
  const k = parties.length * ideologies.length;
  const outcome = (party: number, ideology: number) => party * ideologies.length + ideology;
  const outcomesOf = (dimension: string) => (name: string) => {
    if (dimension === 'party') {
      const party = parties.indexOf(name);
      if (party < 0) throw new Error(`unknown party ${name}`);
      return ideologies.map((_, i) => outcome(party, i));
    }
    const ideology = ideologies.indexOf(name);
    if (ideology < 0) throw new Error(`unknown ideology ${name}`);
    return parties.map((_, party) => outcome(party, ideology));
  };
  const weights = cellWeights(order, levels);
  const all = domainOf(undefined, order, levels);
  const everything = Array.from({ length: k }, (_, y) => y);
  const normalised = (shares: Record<string, number>, normalise: boolean) => {
    if (!normalise) return shares;
    const sum = Object.values(shares).reduce((a, b) => a + b, 0);
    return Object.fromEntries(Object.entries(shares).map(([n, v]) => [n, (100 * v) / sum]));
  };
  const anchorParty = src.national[src.anchor].party as Record<string, number>;
  const ideologyNational = normalised(src.national.gallup2019.ideology, true);
  const anchorShare = (dimension: string, name: string) => (dimension === 'party' ? anchorParty[name] : ideologyNational[name]) / 100;

  // Age bands → the model's age groups, weighted by ACS adults by single year of age.
  const constraints: Record<string, any>[] = src.constraints.flatMap((c: Record<string, any>) => {
    if (!c.ageBands) return [c];
    return levels.age.map((level, a) => {
      const byParty: Record<string, number> = {};
      let total = 0;
      for (const adult of adults) {
        if (adult.age !== a) continue;
        const band = c.ageBands.find((b: { from: number; to: number }) => adult.agep >= b.from && adult.agep <= b.to);
        if (!band) throw new Error(`${c.id}: no band for age ${adult.agep}`);
        total += adult.weight;
        for (const [name, pct] of Object.entries(band.shares as Record<string, number>)) byParty[name] = (byParty[name] ?? 0) + adult.weight * pct;
      }
      const shares = Object.fromEntries(Object.entries(byParty).map(([name, v]) => [name, round(v / total, 4)]));
      return { id: `${c.id}-${level}`, survey: c.survey, dimension: c.dimension, given: { age: [level] }, shares, source: c.source };
    });
  });
  const targets: Target[] = [];
  const shifts: Record<string, unknown>[] = [];
  for (const c of constraints) {
    const shares = normalised(c.shares, c.normalise === true);
    const universe = c.withinParty ? outcomesOf('party')(c.withinParty) : everything;
    const inUniverse = (name: string) => outcomesOf(c.dimension)(name).filter((y) => universe.includes(y));
    const shift = (name: string, share: number) => {
      if (c.dimension === 'ideology' || c.survey === src.anchor) return share;
      const n = src.national[c.survey].party[name];
      if (n === undefined) throw new Error(`${c.id}: no national share of ${name} in ${c.survey}`);
      const shifted = expit(logit(share) - logit(n / 100) + logit(anchorShare('party', name)));
      shifts.push({ constraint: c.id, set: name, published: share * 100, surveyNational: n, anchorNational: anchorParty[name], target: round(shifted * 100, 4) });
      return shifted;
    };
    targets.push({ id: c.id, published: shares, domain: domainOf(c.given, order, levels), universe, sets: setsOf(shares, universe, inUniverse, shift, c.id) });
  }
  const harmonised: Record<string, unknown>[] = [];
  const partyTargets = targets.filter((_, i) => constraints[i].dimension === 'party' && !constraints[i].withinParty);
  harmonise(
    partyTargets,
    constraints.filter((c) => c.dimension === 'party' && !c.withinParty).map((c) => c.given),
    weights, (name) => anchorShare('party', name), harmonised,
  );
  const independent = 100 - anchorParty.democrat - anchorParty.republican;
  const nationalParty: Record<string, number> = { ...anchorParty, independent };
  targets.push({ id: 'national-ideology-gallup2019', published: ideologyNational, domain: all, universe: everything,
    sets: ideologies.map((name) => ({ name, outcomes: outcomesOf('ideology')(name), share: ideologyNational[name] / 100 })) });
  targets.push({ id: 'national-party-pew2019', published: nationalParty, domain: all, universe: everything,
    sets: parties.map((name) => ({ name, outcomes: outcomesOf('party')(name), share: nationalParty[name] / 100 })) });

  const p = new Float64Array(weights.length * k);
  for (let x = 0; x < weights.length; x++) {
    for (let a = 0; a < parties.length; a++) for (let i = 0; i < ideologies.length; i++) {
      p[x * k + outcome(a, i)] = (nationalParty[parties[a]] / 100) * (ideologyNational[ideologies[i]] / 100);
    }
  }
  const cycles = fit(p, k, weights, targets, 2000);
  const anchorCycles = fit(p, k, weights, targets.slice(-2), 100000);
  const fitReport = fitReportOf(targets, p, k, weights);
  const out = {
    description: 'P(party, ideology | age group, race/ethnicity, education, sex) for U.S. adults (outcome index = party × 3 + ideology). Loaded by loadPoliticsModel() in @persona/traits; derived — do not edit by hand. Not defined under 18.',
    derivedBy: 'libs/traits/scripts/make-trait-distributions.ts from data/traits/politics-sources.json and data/census/acs2024_1yr_person_us_1in100hh.csv',
    sources: src.surveys,
    method: {
      cells: 'cross-classification of the variables in `variables` order (last varies fastest); cellWeights[x] = ACS 2024 1-year PUMS adults (18+) in cell x (PWGTP × 100 summed over the 1-in-100 seed). Pew\'s party figures are for registered voters and are applied to all adults.',
      levelShift: `party figures from pew2023 are moved to the pew2019 level by a constant log-odds shift, logit t' = logit t − logit n_pew2023(S) + logit n_pew2019(S) (\`levelShifts\`): ${shiftSummary(shifts)}. Ideology figures are all Gallup 2019`,
      harmonise: `party figures given by one variable (${harmonisedVariables(harmonised)}) are harmonised with the national party shares as religion.json describes (\`harmonised\`; 1 = unchanged); \`target\` in \`fit\` is after harmonisation`,
      fit: `iterative proportional fitting of p(party, ideology | cell) to every target over the ACS cell weights, cells renormalised after each step, national ideology then national party last; ${cycles} cycles over all targets, then ${anchorCycles} cycles over the two national margins alone so that both are reproduced exactly (to 1e-12). Ideology-by-party rows constrain ideology within each party. Gallup's ideology rows conflict with Pew's party margins (Gallup's independents include leaners): the largest gap between a target and the model is ${maxGap(fitReport).toFixed(3)} percentage points. \`fit\` gives published, target and model share of each figure.`,
    },
    variables: Object.fromEntries(order.map((v) => [v, { levels: levels[v], definition: src.variables[v].definition }])),
    party: src.dimensions.party,
    ideology: src.dimensions.ideology,
    cellWeights: Array.from(weights, (w) => round(w, 2)),
    probabilities: Array.from({ length: weights.length }, (_, x) => Array.from(p.subarray(x * k, x * k + k), (v) => round(v, 8))),
    levelShifts: shifts,
    harmonised,
    fit: fitReport,
  };
  writeFileSync(new URL('data/traits/politics.json', root), `${JSON.stringify(out, null, 1)}\n`);
  process.stderr.write(`politics: ${cycles} cycles, ${weights.length} cells\n`);
}

religion();
politics();

/** Per constraint and outcome set: the published figure, the target after shift and harmonisation, and the fitted model's share (percent). */
function fitReportOf(targets: readonly Target[], p: Float64Array, k: number, weights: Float64Array) {
  return targets.map((t) => ({
    constraint: t.id,
    sets: t.sets
      .filter((s) => s.name !== '(remainder)')
      .map((s) => ({
        set: s.name,
        published: round(t.published[s.name] ?? NaN, 4),
        target: round(s.share * 100, 4),
        model: round(shareOf(p, k, weights, t.domain, s.outcomes, t.universe) * 100, 4),
      })),
  }));
}
