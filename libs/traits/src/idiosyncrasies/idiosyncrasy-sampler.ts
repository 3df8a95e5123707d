import { InputError, type Rng } from '@persona/core';
import { message } from '../messages.js';
import { codeOf, type CensusPerson } from '../survey-tables/demographic-cell.js';
import { isEligible, type Condition } from './eligibility-rule.js';
import {
  IDIOSYNCRASY_CATEGORIES,
  loadIdiosyncrasyLists,
  type IdiosyncrasyCategory,
  type IdiosyncrasyEntry,
  type IdiosyncrasyLists,
} from './idiosyncrasy-lists.js';

/** How many distinct entries to draw per category. */
export type IdiosyncrasyCounts = Partial<Record<IdiosyncrasyCategory, number>>;

/** The drawn entries of one person, by category (fewer than asked when fewer are eligible). */
export type Idiosyncrasies = Record<IdiosyncrasyCategory, IdiosyncrasyEntry[]>;

/** Default counts: one lifestyle line (entries of a category may exclude each other), two or three of the others. */
export const DEFAULT_IDIOSYNCRASY_COUNTS: Readonly<Record<IdiosyncrasyCategory, number>> = {
  quirks: 2,
  mannerisms: 2,
  hobbies: 3,
  lifestyle: 1,
  personalTime: 2,
};

/** One PUMS variable read by some rule: code → class (membership pattern over the code sets rules use). */
interface VariableClasses {
  readonly variable: string;
  readonly classOfCode: Int32Array;
  readonly classes: number;
}

/** The eligible entries of one cell, per category, with cumulative weights. */
interface CellEligibility {
  readonly entries: Int32Array[];
  readonly cumulative: (Float64Array | null)[];
}

/**
 * Draws distinct eligible entries of the curated lists. Eligibility is
 * precompiled: every person is mapped to a cell — age band (cut at every
 * minAge and maxAge + 1 of any rule) × for each PUMS variable some rule
 * reads, the pattern of code sets the person's code belongs to — and the
 * eligible entries of a cell are computed once, the first time the cell is
 * met, then reused (persons of one cell satisfy exactly the same rules).
 */
export class IdiosyncrasySampler {
  readonly lists: IdiosyncrasyLists;
  private readonly ageCuts: Int32Array;
  private readonly variables: VariableClasses[];
  private readonly cells = new Map<number, CellEligibility>();

  constructor(lists: IdiosyncrasyLists = loadIdiosyncrasyLists()) {
    this.lists = lists;
    const cuts = new Set<number>();
    const sets = new Map<string, ReadonlySet<number>[]>();
    for (const category of IDIOSYNCRASY_CATEGORIES) {
      for (const { rule } of lists[category]) {
        if (rule.minAge > 0) cuts.add(rule.minAge);
        if (Number.isFinite(rule.maxAge)) cuts.add(rule.maxAge + 1);
        for (const condition of [...rule.requires, ...rule.excludes]) addSet(sets, condition);
      }
    }
    this.ageCuts = Int32Array.from([...cuts].sort((a, b) => a - b));
    this.variables = [...sets.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([variable, codeSets]) => classesOf(variable, codeSets));
  }

  /** Number of distinct cells met so far (for diagnostics and benchmarks). */
  get cellCount(): number {
    return this.cells.size;
  }

  /**
   * Draws `counts[category]` distinct eligible entries per category (all
   * eligible entries when fewer), with probability proportional to `weight`,
   * sequentially without replacement. Each category uses its own child
   * stream `rng.split(category)`, so changing one category's count or list
   * never changes another's draws.
   * @throws {InputError} for an unknown category or a count that is not a non-negative integer.
   */
  draw(person: CensusPerson, rng: Rng, counts: IdiosyncrasyCounts = DEFAULT_IDIOSYNCRASY_COUNTS): Idiosyncrasies {
    for (const key of Object.keys(counts)) {
      if (!(IDIOSYNCRASY_CATEGORIES as readonly string[]).includes(key)) throw new InputError(message.unknownCategory(key, IDIOSYNCRASY_CATEGORIES));
    }
    const cell = this.eligibility(person);
    const out = {} as Idiosyncrasies;
    for (let c = 0; c < IDIOSYNCRASY_CATEGORIES.length; c++) {
      const category = IDIOSYNCRASY_CATEGORIES[c];
      const count = counts[category] ?? 0;
      if (!Number.isInteger(count) || count < 0) throw new InputError(message.invalidCount(category, count));
      const list = this.lists[category];
      out[category] = count === 0 ? [] : pick(cell.entries[c], cell.cumulative[c], count, rng.split(category)).map((i) => list[i]);
    }
    return out;
  }

  /** The eligible entry indices of each category for a person (from the cell cache). */
  eligibleIndices(person: CensusPerson): Int32Array[] {
    return this.eligibility(person).entries;
  }

  private eligibility(person: CensusPerson): CellEligibility {
    const key = this.cellKey(person);
    let cell = this.cells.get(key);
    if (cell === undefined) {
      const entries: Int32Array[] = [];
      const cumulative: (Float64Array | null)[] = [];
      for (const category of IDIOSYNCRASY_CATEGORIES) {
        const list = this.lists[category];
        const eligible: number[] = [];
        for (let i = 0; i < list.length; i++) if (isEligible(list[i].rule, person)) eligible.push(i);
        entries.push(Int32Array.from(eligible));
        const weighted = eligible.some((i) => list[i].weight !== 1);
        if (weighted) {
          const sums = new Float64Array(eligible.length);
          let sum = 0;
          eligible.forEach((i, j) => (sums[j] = sum += list[i].weight));
          cumulative.push(sums);
        } else {
          cumulative.push(null);
        }
      }
      cell = { entries, cumulative };
      this.cells.set(key, cell);
    }
    return cell;
  }

  private cellKey(person: CensusPerson): number {
    const age = codeOf(person, 'AGEP');
    if (age === null || age < 0) return -1;
    let band = 0;
    while (band < this.ageCuts.length && age >= this.ageCuts[band]) band++;
    let key = band;
    for (const v of this.variables) {
      const code = codeOf(person, v.variable);
      const cls = code === null || code < 0 || code >= v.classOfCode.length ? 0 : v.classOfCode[code];
      key = key * v.classes + cls;
    }
    return key;
  }
}

function addSet(sets: Map<string, ReadonlySet<number>[]>, condition: Condition): void {
  const list = sets.get(condition.variable) ?? [];
  if (!list.some((s) => s.size === condition.codes.size && [...s].every((c) => condition.codes.has(c)))) list.push(condition.codes);
  sets.set(condition.variable, list);
}

/** Classes of codes of one variable: codes with the same membership over the sets share a class; class 0 = in no set (or blank). */
function classesOf(variable: string, codeSets: readonly ReadonlySet<number>[]): VariableClasses {
  const max = Math.max(...codeSets.flatMap((s) => [...s]));
  const classOfCode = new Int32Array(max + 1);
  const patterns = new Map<string, number>([['', 0]]);
  for (let code = 0; code <= max; code++) {
    const pattern = codeSets.map((s, i) => (s.has(code) ? i : -1)).filter((i) => i >= 0).join(',');
    if (!patterns.has(pattern)) patterns.set(pattern, patterns.size);
    classOfCode[code] = patterns.get(pattern)!;
  }
  return { variable, classOfCode, classes: patterns.size };
}

/** `count` distinct positions of `eligible` (uniform, or ∝ weights via the running sums), as entry indices. */
function pick(eligible: Int32Array, cumulative: Float64Array | null, count: number, rng: Rng): number[] {
  const n = eligible.length;
  if (count >= n) return Array.from(eligible);
  const chosen: number[] = [];
  if (cumulative === null && count * 2 > n) {
    return rng.shuffle(Array.from(eligible)).slice(0, count);
  }
  while (chosen.length < count) {
    let j: number;
    if (cumulative === null) {
      j = rng.int(n);
    } else {
      const u = rng.next() * cumulative[n - 1];
      let lo = 0;
      let hi = n - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid] > u) hi = mid;
        else lo = mid + 1;
      }
      j = lo;
    }
    const index = eligible[j];
    if (!chosen.includes(index)) chosen.push(index);
  }
  return chosen;
}

let defaultSampler: IdiosyncrasySampler | undefined;

/**
 * Draws distinct eligible entries of the project's curated lists (quirks,
 * mannerisms, hobbies, lifestyle, personal time) for one person; see
 * {@link IdiosyncrasySampler.draw}. Uses the embedded lists unless a sampler
 * is given. Pass the persona's own stream, e.g. `personaStream(seed, id, 'idiosyncrasies')`.
 */
export function drawIdiosyncrasies(
  person: CensusPerson,
  rng: Rng,
  counts: IdiosyncrasyCounts = DEFAULT_IDIOSYNCRASY_COUNTS,
  sampler?: IdiosyncrasySampler,
): Idiosyncrasies {
  const s = sampler ?? (defaultSampler ??= new IdiosyncrasySampler());
  return s.draw(person, rng, counts);
}
