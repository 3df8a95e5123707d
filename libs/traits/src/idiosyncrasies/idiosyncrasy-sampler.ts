import { InputError, type Rng } from '@persona/core';
import { message } from '../messages.js';
import { codeOf, type CensusPerson } from '../survey-tables/demographic-cell.js';
import { religionAllows, type Condition } from './eligibility-rule.js';
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
export const DEFAULT_IDIOSYNCRASY_COUNTS: Readonly<Record<IdiosyncrasyCategory, number>> = Object.freeze({
  quirks: 2,
  mannerisms: 2,
  hobbies: 3,
  lifestyle: 1,
  personalTime: 2,
});

/** One PUMS variable read by some rule: code → class (membership pattern over the code sets rules use). */
interface VariableClasses {
  readonly variable: string;
  readonly codeSets: readonly ReadonlySet<number>[];
  readonly classOfCode: Int32Array;
  /** For each class, which of `codeSets` its codes belong to. */
  readonly members: readonly (readonly boolean[])[];
}

/** Eligible entries per category (indices in increasing order), with cumulative weights (null when every weight is 1). */
interface EligibleEntries {
  readonly entries: Int32Array[];
  readonly cumulative: (Float64Array | null)[];
}

/**
 * The eligibility of one cell of census fields (persons of one cell satisfy
 * exactly the same census conditions): per category, the bitset of entries
 * their age and census fields allow, and, resolved when first needed, the
 * eligible entries for each religion family (the religion is drawn per persona).
 * Opaque to callers: made by {@link IdiosyncrasySampler.cellOf}, read by
 * {@link IdiosyncrasySampler.drawInCell}.
 */
export interface CellEligibility {
  readonly bits: readonly Uint32Array[];
  /** Index 0: no religion drawn; index k: the k-th family of `religionFamilies`. */
  readonly byReligion: (EligibleEntries | undefined)[];
}

/**
 * Draws distinct eligible entries of the curated lists. Eligibility is
 * precompiled to bitsets: ages are cut into bands at every minAge and
 * maxAge + 1 of any rule, and the codes of every PUMS variable some rule
 * reads into classes (codes with the same membership in the code sets the
 * rules use); for each category, one bitset of entries per age band, one
 * per (variable, class) and one per religion family (plus one for no
 * religion drawn). A person's eligible entries are the AND of the bitsets of
 * their band, classes and religion family — the census part computed once
 * per distinct cell, then cached (persons of one cell satisfy exactly the
 * same census conditions), and the religion part once per (cell, family).
 */
export class IdiosyncrasySampler {
  readonly lists: IdiosyncrasyLists;
  private readonly ageCuts: Int32Array;
  /** The band of each age up to the last cut (older ages are in the last band, `ageCuts.length`). */
  private readonly ageBand: Int32Array;
  private readonly variables: VariableClasses[];
  /** Per category: words per bitset, band bitsets, and per variable the class bitsets. */
  private readonly words: number[];
  private readonly ageBits: Uint32Array[];
  private readonly variableBits: Uint32Array[][];
  /** Per category, one bitset per religion class (0: none drawn, k: family k − 1). */
  private readonly religionBits: Uint32Array[];
  /** Religion family → class (1-based position in `lists.religionFamilies`). */
  private readonly religionClass: Map<string, number>;
  private readonly cells = new Map<number, CellEligibility>();
  /** Per category: eligible sets met so far (cells with the same set share them), by an FNV-1a hash of their bitset (collisions resolved by comparing the bits). */
  private readonly sets: Map<number, EligibleSet[]>[];
  private readonly scratch: Uint32Array;

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
    const lastCut = this.ageCuts.length === 0 ? 0 : this.ageCuts[this.ageCuts.length - 1];
    this.ageBand = new Int32Array(lastCut + 1);
    for (let age = 0, band = 0; age <= lastCut; age++) {
      while (band < this.ageCuts.length && age >= this.ageCuts[band]) band++;
      this.ageBand[age] = band;
    }
    this.sets = IDIOSYNCRASY_CATEGORIES.map(() => new Map());
    this.variables = [...sets.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([variable, codeSets]) => classesOf(variable, codeSets));
    const bands = this.ageCuts.length + 1;
    // A cell key is a mixed-radix number over the age band and every variable's class; it must stay an exact integer.
    const keySpace = this.variables.reduce((product, v) => product * v.members.length, bands);
    if (!(keySpace <= Number.MAX_SAFE_INTEGER)) throw new InputError(message.tooManyEligibilityCells(keySpace));
    this.words = [];
    this.ageBits = [];
    this.variableBits = [];
    this.religionBits = [];
    const families = lists.religionFamilies;
    this.religionClass = new Map(families.map((family, k) => [family, k + 1]));
    for (const category of IDIOSYNCRASY_CATEGORIES) {
      const list = lists[category];
      const words = Math.ceil(list.length / 32);
      this.words.push(words);
      const age = new Uint32Array(bands * words);
      for (let band = 0; band < bands; band++) {
        const low = band === 0 ? 0 : this.ageCuts[band - 1];
        list.forEach(({ rule }, i) => {
          if (rule.minAge <= low && low <= rule.maxAge) age[band * words + (i >>> 5)] |= 1 << (i & 31);
        });
      }
      this.ageBits.push(age);
      const religion = new Uint32Array((families.length + 1) * words);
      for (let k = 0; k <= families.length; k++) {
        list.forEach(({ rule }, i) => {
          if (religionAllows(rule, k === 0 ? null : families[k - 1])) religion[k * words + (i >>> 5)] |= 1 << (i & 31);
        });
      }
      this.religionBits.push(religion);
      this.variableBits.push(
        this.variables.map((v) => {
          const bits = new Uint32Array(v.members.length * words);
          v.members.forEach((member, cls) => {
            list.forEach(({ rule }, i) => {
              const ok =
                rule.requires.every((c) => c.variable !== v.variable || member[setIndex(v, c)]) &&
                rule.excludes.every((c) => c.variable !== v.variable || !member[setIndex(v, c)]);
              if (ok) bits[cls * words + (i >>> 5)] |= 1 << (i & 31);
            });
          });
          return bits;
        }),
      );
    }
    this.scratch = new Uint32Array(Math.max(...this.words));
  }

  /** Number of distinct cells met so far (for diagnostics and benchmarks). */
  get cellCount(): number {
    return this.cells.size;
  }

  /**
   * Draws `counts[category]` distinct eligible entries per category (all
   * eligible entries when fewer), with probability proportional to `weight`,
   * sequentially without replacement. `religionFamily` is the family of the
   * persona's drawn religion (a `family` of data/traits/religion.json, e.g.
   * "Catholic"), which the religion conditions of the rules test; null when
   * none was drawn (then no entry that requires a religion family is drawn).
   * One 32-bit number is taken from `rng` per category, always in the same
   * category order and whatever the counts, and seeds that category's
   * {@link CounterStream}: changing one category's count or list never
   * changes another's draws, and successive calls on one stream differ.
   * @throws {InputError} for an unknown category, a count that is not a non-negative integer, or a religion family not in the lists' `religionFamilies`.
   */
  draw(person: CensusPerson, rng: Rng, counts: IdiosyncrasyCounts = DEFAULT_IDIOSYNCRASY_COUNTS, religionFamily: string | null = null): Idiosyncrasies {
    checkCategories(counts);
    return this.drawInCell(this.eligibility(person), rng, counts, religionFamily);
  }

  /**
   * The eligibility cell of a person, for {@link drawInCell}: a caller that
   * draws many times for one (unchanged) person record places it once.
   */
  cellOf(person: CensusPerson): CellEligibility {
    return this.eligibility(person);
  }

  /**
   * {@link draw} for a person already placed by {@link cellOf}: the same
   * entries from the same stream as `draw(person, rng, counts, religionFamily)`.
   * @throws {InputError} for an unknown category, a count that is not a non-negative integer, or an unknown religion family.
   */
  drawInCell(
    cell: CellEligibility,
    rng: Rng,
    counts: IdiosyncrasyCounts = DEFAULT_IDIOSYNCRASY_COUNTS,
    religionFamily: string | null = null,
  ): Idiosyncrasies {
    checkCategories(counts);
    const eligible = this.resolve(cell, religionFamily);
    const drawn: IdiosyncrasyEntry[][] = [];
    for (let c = 0; c < IDIOSYNCRASY_CATEGORIES.length; c++) {
      const category = IDIOSYNCRASY_CATEGORIES[c];
      const count = counts[category] ?? 0;
      if (!Number.isInteger(count) || count < 0) throw new InputError(message.invalidCount(category, count));
      const stream = new CounterStream(rng.uint32());
      drawn.push(count === 0 ? [] : pick(this.lists[category], eligible.entries[c], eligible.cumulative[c], count, stream));
    }
    const out: Idiosyncrasies = { quirks: drawn[0], mannerisms: drawn[1], hobbies: drawn[2], lifestyle: drawn[3], personalTime: drawn[4] };
    return out;
  }

  /**
   * The eligible entry indices of each category for a person whose drawn
   * religion is of `religionFamily` (null: none drawn), from the cell cache.
   * @throws {InputError} for a religion family not in the lists' `religionFamilies`.
   */
  eligibleIndices(person: CensusPerson, religionFamily: string | null = null): Int32Array[] {
    return this.resolve(this.eligibility(person), religionFamily).entries;
  }

  /** The eligible entries of a cell for one religion family: per category, the AND of the cell's bitset and the family's, as entry indices (cached per cell and family). */
  private resolve(cell: CellEligibility, religionFamily: string | null): EligibleEntries {
    let k = 0;
    if (religionFamily !== null) {
      k = this.religionClass.get(religionFamily) ?? -1;
      if (k < 0) throw new InputError(message.unknownReligionFamily(String(religionFamily), this.lists.religionFamilies));
    }
    const cached = cell.byReligion[k];
    if (cached !== undefined) return cached;
    const entries: Int32Array[] = [];
    const cumulative: (Float64Array | null)[] = [];
    for (let c = 0; c < IDIOSYNCRASY_CATEGORIES.length; c++) {
      const words = this.words[c];
      const bits = this.scratch;
      const religion = this.religionBits[c];
      const census = cell.bits[c];
      let hash = 0x811c9dc5;
      for (let w = 0; w < words; w++) {
        bits[w] = census[w] & religion[k * words + w];
        hash = Math.imul(hash ^ bits[w], 0x01000193);
      }
      const bucket = this.sets[c].get(hash) ?? [];
      let set = bucket.find((known) => sameBits(known.bits, bits, words));
      if (set === undefined) {
        set = eligibleSet(this.lists[IDIOSYNCRASY_CATEGORIES[c]], bits, words);
        bucket.push(set);
        this.sets[c].set(hash, bucket);
      }
      entries.push(set.entries);
      cumulative.push(set.cumulative);
    }
    const resolved = { entries, cumulative };
    cell.byReligion[k] = resolved;
    return resolved;
  }

  private classOf(person: CensusPerson, v: number): number {
    const { variable, classOfCode } = this.variables[v];
    const code = codeOf(person, variable);
    return code === null || code < 0 || code >= classOfCode.length ? 0 : classOfCode[code];
  }

  private eligibility(person: CensusPerson): CellEligibility {
    const age = codeOf(person, 'AGEP');
    let band = -1;
    let key = -1;
    if (age !== null && age >= 0) {
      band = age < this.ageBand.length ? this.ageBand[age] : this.ageCuts.length;
      key = band;
      for (let v = 0; v < this.variables.length; v++) key = key * this.variables[v].members.length + this.classOf(person, v);
    }
    let cell = this.cells.get(key);
    if (cell === undefined) {
      cell = this.buildCell(person, band);
      this.cells.set(key, cell);
    }
    return cell;
  }

  /** The census part of a cell's eligibility: per category, the AND of its band's and classes' bitsets. */
  private buildCell(person: CensusPerson, band: number): CellEligibility {
    const classes = new Int32Array(this.variables.length);
    for (let v = 0; v < classes.length; v++) classes[v] = this.classOf(person, v);
    const cellBits: Uint32Array[] = [];
    for (let c = 0; c < IDIOSYNCRASY_CATEGORIES.length; c++) {
      const words = this.words[c];
      const bits = new Uint32Array(words);
      if (band >= 0) {
        bits.set(this.ageBits[c].subarray(band * words, (band + 1) * words));
        const variableBits = this.variableBits[c];
        for (let v = 0; v < variableBits.length; v++) {
          const offset = classes[v] * words;
          for (let w = 0; w < words; w++) bits[w] &= variableBits[v][offset + w];
        }
      }
      cellBits.push(bits);
    }
    return { bits: cellBits, byReligion: new Array<EligibleEntries | undefined>(this.religionClass.size + 1) };
  }
}

/** A category's eligible entries for one bitset (kept with a copy of the bits it was built from). */
interface EligibleSet {
  readonly bits: Uint32Array;
  readonly entries: Int32Array;
  readonly cumulative: Float64Array | null;
}

function sameBits(a: Uint32Array, b: Uint32Array, words: number): boolean {
  for (let w = 0; w < words; w++) if (a[w] !== b[w]) return false;
  return true;
}

/** The entries whose bits are set (increasing index), with their running weight sums unless every weight is 1. */
function eligibleSet(list: readonly IdiosyncrasyEntry[], bits: Uint32Array, words: number): EligibleSet {
  const eligible: number[] = [];
  for (let w = 0; w < words; w++) {
    // Lowest set bit first: w*32 + (31 − clz32(x & −x)), then clear it.
    for (let x = bits[w]; x !== 0; x &= x - 1) eligible.push(w * 32 + 31 - Math.clz32(x & -x));
  }
  const entries = Int32Array.from(eligible);
  const own = bits.slice(0, words);
  if (!eligible.some((i) => list[i].weight !== 1)) return { bits: own, entries, cumulative: null };
  const sums = new Float64Array(eligible.length);
  let sum = 0;
  eligible.forEach((i, j) => (sums[j] = sum += list[i].weight));
  return { bits: own, entries, cumulative: sums };
}

/** Rejects a count for a category that does not exist (the frozen default counts need no check). */
function checkCategories(counts: IdiosyncrasyCounts): void {
  if (counts === DEFAULT_IDIOSYNCRASY_COUNTS) return;
  for (const key in counts) {
    if (!(IDIOSYNCRASY_CATEGORIES as readonly string[]).includes(key)) throw new InputError(message.unknownCategory(key, IDIOSYNCRASY_CATEGORIES));
  }
}

function addSet(sets: Map<string, ReadonlySet<number>[]>, condition: Condition): void {
  const list = sets.get(condition.variable) ?? [];
  if (list.findIndex((s) => sameSet(s, condition.codes)) < 0) list.push(condition.codes);
  sets.set(condition.variable, list);
}

function sameSet(a: ReadonlySet<number>, b: ReadonlySet<number>): boolean {
  return a.size === b.size && [...a].every((c) => b.has(c));
}

function setIndex(v: VariableClasses, condition: Condition): number {
  return v.codeSets.findIndex((s) => sameSet(s, condition.codes));
}

/** Classes of codes of one variable: codes with the same membership over the sets share a class; class 0 = in no set (or blank). */
function classesOf(variable: string, codeSets: readonly ReadonlySet<number>[]): VariableClasses {
  const max = Math.max(...codeSets.flatMap((s) => [...s]));
  const classOfCode = new Int32Array(max + 1);
  const patterns = new Map<string, number>([['', 0]]);
  const members: boolean[][] = [codeSets.map(() => false)];
  for (let code = 0; code <= max; code++) {
    const member = codeSets.map((s) => s.has(code));
    const pattern = member.map((m, i) => (m ? i : -1)).filter((i) => i >= 0).join(',');
    if (!patterns.has(pattern)) {
      patterns.set(pattern, patterns.size);
      members.push(member);
    }
    classOfCode[code] = patterns.get(pattern)!;
  }
  return { variable, codeSets, classOfCode, members };
}

/** Work array of {@link pick}'s chosen indices (grown when a count exceeds it). */
let chosenScratch = new Int32Array(64);

/** `count` distinct entries of `list` at positions of `eligible` (uniform, or ∝ weights via the running sums), in the order drawn. */
function pick(list: readonly IdiosyncrasyEntry[], eligible: Int32Array, cumulative: Float64Array | null, count: number, rng: CounterStream): IdiosyncrasyEntry[] {
  const n = eligible.length;
  if (count >= n) return entriesAt(list, eligible, n);
  if (cumulative === null && count * 2 > n) {
    const all = Array.from(eligible);
    for (let i = 0; i < count; i++) {
      const j = i + rng.int(n - i);
      const tmp = all[i];
      all[i] = all[j];
      all[j] = tmp;
    }
    return entriesAt(list, all, count);
  }
  if (chosenScratch.length < count) chosenScratch = new Int32Array(count);
  const chosen = chosenScratch;
  let k = 0;
  while (k < count) {
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
    let seen = false;
    for (let m = 0; m < k && !seen; m++) seen = chosen[m] === index;
    if (!seen) chosen[k++] = index;
  }
  return entriesAt(list, chosen, count);
}

/** The entries of `list` at the first `count` indices of `indices`. */
function entriesAt(list: readonly IdiosyncrasyEntry[], indices: ArrayLike<number>, count: number): IdiosyncrasyEntry[] {
  const entries: IdiosyncrasyEntry[] = new Array(count);
  for (let m = 0; m < count; m++) entries[m] = list[indices[m]];
  return entries;
}

/**
 * The generator of one category's draws: the SplitMix32 output function
 * (the finaliser of Steele, Lea & Flood's SplitMix, as @persona/core uses to
 * seed xoshiro128**) applied to seed + counter × 0x9e3779b9 — a counter-based
 * stream, so a category costs one 32-bit number of the persona's `Rng` and no
 * generator construction. Integers in [0, n) by Lemire-style rejection, without
 * modulo bias.
 */
export class CounterStream {
  private counter = 0;
  constructor(private readonly seed: number) {}

  /** A uniform 32-bit unsigned integer. */
  uint32(): number {
    this.counter++;
    let z = (this.seed + Math.imul(this.counter, 0x9e3779b9)) | 0;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  }

  /** A uniform double in [0, 1) (32 random bits). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** A uniform integer in [0, n), 1 ≤ n ≤ 2^32. */
  int(n: number): number {
    // x mod n as x − n⌊x/n⌋: exact below 2^32 (the quotient's rounding error is far below 1/n), and no double `%` (fmod) call.
    const limit = Math.floor(0x100000000 / n) * n;
    for (;;) {
      const x = this.uint32();
      if (x < limit) return x - Math.floor(x / n) * n;
    }
  }
}

let defaultSampler: IdiosyncrasySampler | undefined;

/**
 * Draws distinct eligible entries of the project's curated lists (quirks,
 * mannerisms, hobbies, lifestyle, personal time) for one person whose drawn
 * religion is of `religionFamily` (null: none drawn); see
 * {@link IdiosyncrasySampler.draw}. Uses the embedded lists unless a sampler
 * is given. Pass the persona's own stream, e.g. `personaStream(seed, id, 'idiosyncrasies')`.
 */
export function drawIdiosyncrasies(
  person: CensusPerson,
  rng: Rng,
  counts: IdiosyncrasyCounts = DEFAULT_IDIOSYNCRASY_COUNTS,
  religionFamily: string | null = null,
  sampler?: IdiosyncrasySampler,
): Idiosyncrasies {
  const s = sampler ?? (defaultSampler ??= new IdiosyncrasySampler());
  return s.draw(person, rng, counts, religionFamily);
}
