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
 */
export class Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spareNormal: number | undefined;
  /** The seed path this stream was made from, e.g. `1/persona:17/big5`. */
  readonly path: string;

  private constructor(path: string, state?: readonly [number, number, number, number]) {
    this.path = path;
    if (state) {
      [this.s0, this.s1, this.s2, this.s3] = state;
      return;
    }
    const [a, b, c, d] = cyrb128(path);
    this.s0 = splitmix32(a);
    this.s1 = splitmix32(b);
    this.s2 = splitmix32(c);
    this.s3 = splitmix32(d);
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
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
    return new Rng(`state:${state.join(',')}`, state);
  }

  /** A generator for `seed` (an integer or a string). */
  static fromSeed(seed: number | string): Rng {
    if (typeof seed === 'number' && !(Number.isInteger(seed) && Number.isFinite(seed))) {
      throw new RangeError(message.invalidSeed(seed));
    }
    if (typeof seed !== 'number' && typeof seed !== 'string') throw new RangeError(message.invalidSeed(seed));
    return new Rng(String(seed));
  }

  /** An independent child stream named by `key` (see the class comment). */
  split(key: string | number): Rng {
    return new Rng(`${this.path}/${String(key)}`);
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
    const limit = 0x100000000 - (0x100000000 % n);
    for (;;) {
      const x = this.uint32();
      if (x < limit) return x % n;
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

/**
 * cyrb128 (bryc, public domain): a 128-bit non-cryptographic hash of the seed
 * path, so that distinct paths give distinct states far beyond 2^32 streams.
 */
function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703, h2 = 3144134277, h3 = 1013904242, h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}
