import { message } from './messages.js';

/**
 * A seeded, splittable pseudo-random number generator.
 *
 * The generator is xoshiro128** (Blackman & Vigna 2018, "Scrambled linear
 * pseudorandom number generators", https://prng.di.unimi.it/), a 128-bit state
 * with 32-bit output. Its state is filled by SplitMix32 from a hash of
 * the seed, as Vigna recommends; the seed path is hashed
 * to 128 bits (cyrb128) first.
 *
 * `split(key)` derives an independent child stream from the parent's *seed
 * path* and the key, never from how many numbers the parent has drawn: the
 * stream of persona 17's Big Five is the same whether or not another attribute
 * was added before it. Same seed + same keys = same numbers, on every platform.
 * The child of path P and key K is exactly `Rng.fromSeed(P + '/' + K)`; since
 * cyrb128 reads the path one code unit at a time, `split` keeps the parent's
 * running hash and hashes only `/` + K, at a cost independent of the path's length.
 */
export class Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spareNormal: number | undefined;
  /**
   * The cyrb128 running state after the seed path's last character, before
   * finalisation: a child continues it over `/` + key, so `split` hashes the
   * key only, and gives exactly the state of hashing the whole path.
   */
  private readonly h1: number;
  private readonly h2: number;
  private readonly h3: number;
  private readonly h4: number;
  /** The seed path this stream was made from, e.g. `1/persona:17/big5`. */
  readonly path: string;

  private constructor(path: string, h1: number, h2: number, h3: number, h4: number) {
    this.path = path;
    this.h1 = h1;
    this.h2 = h2;
    this.h3 = h3;
    this.h4 = h4;
    // cyrb128's finalisation of the running state, then SplitMix32 per word.
    h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
    h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
    h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
    h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
    h1 ^= h2 ^ h3 ^ h4;
    h2 ^= h1;
    h3 ^= h1;
    h4 ^= h1;
    this.s0 = splitmix32(h1 >>> 0);
    this.s1 = splitmix32(h2 >>> 0);
    this.s2 = splitmix32(h3 >>> 0);
    this.s3 = splitmix32(h4 >>> 0);
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** The generator of seed path `path`: cyrb128 over the whole path from its initial state. */
  private static ofPath(path: string): Rng {
    HASH[0] = 1779033703;
    HASH[1] = 3144134277 | 0;
    HASH[2] = 1013904242;
    HASH[3] = 2773480762 | 0;
    cyrb128Update(path);
    return new Rng(path, HASH[0]!, HASH[1]!, HASH[2]!, HASH[3]!);
  }

  /**
   * A generator started from an explicit xoshiro128** state (four 32-bit
   * words, not all zero), for known-answer tests against the reference C code
   * of Blackman & Vigna. Its seed path is `state:s0,s1,s2,s3`.
   */
  static fromState(s0: number, s1: number, s2: number, s3: number): Rng {
    const state = [s0, s1, s2, s3] as const;
    if (!state.every((s) => Number.isInteger(s) && s >= 0 && s <= 0xffffffff) || state.every((s) => s === 0)) {
      throw new RangeError(message.invalidState());
    }
    const rng = Rng.ofPath(`state:${state.join(',')}`);
    [rng.s0, rng.s1, rng.s2, rng.s3] = state;
    return rng;
  }

  /** A generator for `seed` (an integer or a string). */
  static fromSeed(seed: number | string): Rng {
    if (typeof seed === 'number' && !(Number.isInteger(seed) && Number.isFinite(seed))) {
      throw new RangeError(message.invalidSeed(seed));
    }
    if (typeof seed !== 'number' && typeof seed !== 'string') throw new RangeError(message.invalidSeed(seed));
    return Rng.ofPath(String(seed));
  }

  /**
   * An independent child stream named by `key` (see the class comment): the
   * generator of seed path `path + '/' + key`, i.e. `Rng.fromSeed(path + '/' + key)`.
   * Only the key is hashed, continuing the parent's cyrb128 running state.
   */
  split(key: string | number): Rng {
    const text = typeof key === 'string' ? key : String(key);
    HASH[0] = this.h1;
    HASH[1] = this.h2;
    HASH[2] = this.h3;
    HASH[3] = this.h4;
    cyrb128Step(47); // '/'
    cyrb128Update(text);
    return new Rng(`${this.path}/${text}`, HASH[0]!, HASH[1]!, HASH[2]!, HASH[3]!);
  }

  /** A uniform 32-bit unsigned integer. */
  uint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** A uniform double in [0, 1) with 53 random bits. */
  next(): number {
    const hi = this.uint32() >>> 5; // 27 bits
    const lo = this.uint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** A uniform integer in [0, n), without modulo bias (Lemire's rejection). */
  int(n: number): number {
    if (!(n >= 1) || n > 0x100000000 || !Number.isInteger(n)) throw new RangeError(message.invalidRange(n));
    if (n === 1) return 0;
    // The largest multiple of n ≤ 2^32, and x mod n as x − n⌊x/n⌋: exact below 2^32 (the quotient's
    // rounding error is far below 1/n) and cheaper than a double `%`.
    const limit = Math.floor(0x100000000 / n) * n;
    for (;;) {
      const x = this.uint32();
      if (x < limit) return x - Math.floor(x / n) * n;
    }
  }

  /** A standard normal deviate (Marsaglia's polar method; the pair's spare is kept). */
  normal(): number {
    if (this.spareNormal !== undefined) {
      const v = this.spareNormal;
      this.spareNormal = undefined;
      return v;
    }
    for (;;) {
      const u = 2 * this.next() - 1;
      const v = 2 * this.next() - 1;
      const s = u * u + v * v;
      if (s > 0 && s < 1) {
        const f = Math.sqrt((-2 * Math.log(s)) / s);
        this.spareNormal = v * f;
        return u * f;
      }
    }
  }

  /** Shuffles `array` in place (Fisher–Yates) and returns it. */
  shuffle<T>(array: T[]): T[] {
    for (let i = array.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const tmp = array[i]!;
      array[i] = array[j]!;
      array[j] = tmp;
    }
    return array;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** One SplitMix32 step: spreads a 32-bit value over the state word. */
function splitmix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** cyrb128's running state (h1..h4), advanced in place by {@link cyrb128Update}. */
const HASH = new Int32Array(4);

/**
 * cyrb128 (bryc, public domain), a 128-bit non-cryptographic hash of the seed
 * path, so that distinct paths give distinct states far beyond 2^32 streams:
 * one step of its running state per UTF-16 code unit `k`. The state after a
 * path is the state after its prefix continued over the rest, which is what
 * lets `split` hash the key only; the finalisation is in the Rng constructor.
 */
function cyrb128Step(k: number): void {
  const h1 = HASH[0]!, h2 = HASH[1]!, h3 = HASH[2]!, h4 = HASH[3]!;
  const n1 = h2 ^ Math.imul(h1 ^ k, 597399067);
  HASH[0] = n1;
  HASH[1] = h3 ^ Math.imul(h2 ^ k, 2869860233);
  HASH[2] = h4 ^ Math.imul(h3 ^ k, 951274213);
  HASH[3] = n1 ^ Math.imul(h4 ^ k, 2716044179);
}

/** Advances the running state over every code unit of `text`. */
function cyrb128Update(text: string): void {
  let h1 = HASH[0]!, h2 = HASH[1]!, h3 = HASH[2]!, h4 = HASH[3]!;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  HASH[0] = h1;
  HASH[1] = h2;
  HASH[2] = h3;
  HASH[3] = h4;
}
