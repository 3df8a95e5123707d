import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { message } from './messages.js';
import { Rng } from './rng.js';

describe('Rng', () => {
  it('gives the same stream for the same seed and different streams for different keys', () => {
    const a = Rng.fromSeed(1).split('persona:17');
    const b = Rng.fromSeed(1).split('persona:17');
    const c = Rng.fromSeed(1).split('persona:18');
    const xa = Array.from({ length: 5 }, () => a.uint32());
    expect(Array.from({ length: 5 }, () => b.uint32())).toEqual(xa);
    expect(Array.from({ length: 5 }, () => c.uint32())).not.toEqual(xa);
  });

  it('child streams do not depend on how much the parent has drawn', () => {
    const p1 = Rng.fromSeed('s');
    const p2 = Rng.fromSeed('s');
    for (let i = 0; i < 100; i++) p2.next();
    expect(p1.split('k').next()).toBe(p2.split('k').next());
  });

  it('split(key) is the generator of the seed path parent + "/" + key (only the key is hashed, onto the parent\'s running hash)', () => {
    // Definition of split: the child of path P and key K is Rng.fromSeed(P + '/' + K), whose state is
    // cyrb128 of the whole path. split hashes only '/' + K onto the parent's running cyrb128 state, so the
    // two must agree on every path, including multi-level ones and non-ASCII keys.
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.string()), fc.array(fc.oneof(fc.nat(), fc.string({ unit: 'binary' })), { minLength: 1, maxLength: 4 }), (seed, keys) => {
        let child = Rng.fromSeed(seed);
        for (const key of keys) child = child.split(key);
        const direct = Rng.fromSeed(`${seed}/${keys.join('/')}`);
        expect(child.path).toBe(direct.path);
        expect([child.uint32(), child.uint32(), child.uint32(), child.uint32()]).toEqual([direct.uint32(), direct.uint32(), direct.uint32(), direct.uint32()]);
      }),
      { numRuns: 300 },
    );
  });

  it('uniform draws have mean 1/2 and variance 1/12 within 5 standard errors (n = 200,000)', () => {
    const r = Rng.fromSeed(42);
    const n = 200_000;
    let s = 0, s2 = 0;
    for (let i = 0; i < n; i++) { const u = r.next(); s += u; s2 += u * u; }
    const mean = s / n;
    // closed form: Var(U) = 1/12, so SE(mean) = sqrt(1/12/n)
    expect(Math.abs(mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(s2 / n - mean * mean - 1 / 12)).toBeLessThan(0.002);
  });

  it('rejects a non-integer seed and an int() range outside [1, 2^32]', () => {
    expect(() => Rng.fromSeed(1.5)).toThrow(message.invalidSeed(1.5));
    const rng = Rng.fromSeed(1);
    expect(() => rng.int(0)).toThrow(message.invalidRange(0));
    expect(() => rng.int(2.5)).toThrow(message.invalidRange(2.5));
    expect(() => rng.int(2 ** 32 + 1)).toThrow(message.invalidRange(2 ** 32 + 1));
    expect(rng.int(1)).toBe(0);
  });
});

describe('Rng.fromState (xoshiro128** known answers)', () => {
  it('reproduces the reference C implementation output for three states', async () => {
    // Oracle: Blackman & Vigna's xoshiro128** compiled with gcc by
    // test/fixtures/xoshiro/make-fixture.sh (committed JSON output).
    const { readFile } = await import('node:fs/promises');
    const fixture = JSON.parse(await readFile(new URL('../test/fixtures/xoshiro/xoshiro128starstar.json', import.meta.url), 'utf8')) as {
      state: [number, number, number, number];
      outputs: number[];
    }[];
    expect(fixture).toHaveLength(3);
    for (const { state, outputs } of fixture) {
      const rng = Rng.fromState(...state);
      expect(outputs.map(() => rng.uint32())).toEqual(outputs);
    }
  });

  it('rejects the all-zero state', () => {
    expect(() => Rng.fromState(0, 0, 0, 0)).toThrow(/invalid xoshiro128\*\* state/);
  });
});
