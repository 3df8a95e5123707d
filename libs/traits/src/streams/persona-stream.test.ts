import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Rng } from '@persona/core';
import { message } from '../messages.js';
import { attributeStream, personaRng, personaStream } from './persona-stream.js';

const draws = (rng: Rng, k: number) => Float64Array.from({ length: k }, () => rng.normal());
const bytes = (a: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('hex');

describe('personaStream', () => {
  it('is Rng.fromSeed(seed).split("persona:" + id).split(attribute) (its documented definition)', () => {
    const s = personaStream(7, 17, 'big5');
    expect(s.path).toBe('7/persona:17/big5');
    expect(draws(s, 6)).toEqual(draws(Rng.fromSeed(7).split('persona:17').split('big5'), 6));
    expect(draws(attributeStream(personaRng(7, 17), 'big5'), 6)).toEqual(draws(personaStream(7, 17, 'big5'), 6));
  });

  it('gives different numbers to different personas, attributes and seeds', () => {
    const first = (r: Rng) => r.uint32();
    const base = first(personaStream(1, 1, 'big5'));
    expect(first(personaStream(1, 2, 'big5'))).not.toBe(base);
    expect(first(personaStream(1, 1, 'values'))).not.toBe(base);
    expect(first(personaStream(2, 1, 'big5'))).not.toBe(base);
  });

  it('adding an attribute draw leaves every existing attribute byte-identical (any seed, ids, new attribute)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.array(fc.oneof(fc.nat(), fc.string({ minLength: 1, maxLength: 8 }).filter((id) => !id.includes('/'))), { minLength: 1, maxLength: 20 }),
        fc.string({ minLength: 1, maxLength: 12 }).filter((a) => !a.includes('/') && a !== 'big5' && a !== 'values'),
        (seed, ids, added) => {
          // Before: each persona draws big5 then values.
          const before = ids.map((id) => bytes(draws(personaStream(seed, id, 'big5'), 5)) + bytes(draws(personaStream(seed, id, 'values'), 10)));
          // After: a new attribute is drawn first (and in reverse persona order), consuming numbers of its own.
          const after = [...ids].reverse().map((id) => {
            draws(personaStream(seed, id, added), 13);
            return bytes(draws(personaStream(seed, id, 'big5'), 5)) + bytes(draws(personaStream(seed, id, 'values'), 10));
          });
          expect(after.reverse()).toEqual(before);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('rejects an empty or fractional persona id, a persona id or an attribute with "/"', () => {
    expect(() => personaStream(1, '', 'big5')).toThrow(message.invalidPersonaId(''));
    // "17/big5" would otherwise get the seed path of persona 17's big5 stream.
    expect(() => personaRng(1, '17/big5')).toThrow(message.personaIdWithSlash('17/big5'));
    expect(() => personaStream(1, 'a/b', 'values')).toThrow(message.personaIdWithSlash('a/b'));
    expect(() => personaStream(1, 1.5, 'big5')).toThrow(message.invalidPersonaId(1.5));
    expect(() => personaStream(1, 1, 'a/b')).toThrow(message.invalidAttribute('a/b'));
    expect(() => personaStream(1, 1, '')).toThrow(message.invalidAttribute(''));
  });
});
