import { Rng } from '@persona/core';
import { message } from '../messages.js';

/**
 * The stream keys of the attributes drawn by this library. Other generators
 * pick their own key (e.g. `'religion'`); a key names one attribute of one
 * persona, never a position in a sequence of draws.
 */
export const TRAIT_STREAMS = { bigFive: 'big5', values: 'values' } as const;

/**
 * The random stream of one attribute of one persona:
 * `Rng.fromSeed(seed).split('persona:' + personaId).split(attribute)`.
 *
 * `Rng.split` derives a child from the parent's seed path and the key only
 * (xoshiro128** seeded by SplitMix32 from a cyrb128 hash of the path, see
 * `@persona/core`), so the numbers of persona 17's `big5` stream do not depend
 * on how many personas were drawn before it, nor on which other attributes
 * exist or in which order they are drawn: adding an attribute never reshuffles
 * the others. Same seed, persona id and attribute give the same stream on
 * every platform.
 *
 * @throws RangeError when `personaId` is empty, not an integer/string or
 *   contains "/", or `attribute` is empty or contains "/" (the seed-path separator).
 * @example
 * personaStream(1, 17, 'big5').path; // '1/persona:17/big5'
 */
export function personaStream(seed: number | string, personaId: string | number, attribute: string): Rng {
  return attributeStream(personaRng(seed, personaId), attribute);
}

/**
 * The parent of all of one persona's streams, `Rng.fromSeed(seed).split('persona:' + personaId)`;
 * `attributeStream(personaRng(s, id), a)` is `personaStream(s, id, a)` (same seed path,
 * same numbers) without hashing the persona part again for each attribute.
 *
 * @throws RangeError when `personaId` is empty, not an integer/string, or a
 *   string containing "/" (the seed-path separator: "17/big5" would otherwise
 *   name persona 17's big5 stream).
 */
export function personaRng(seed: number | string, personaId: string | number): Rng {
  if (typeof personaId === 'number' ? !Number.isInteger(personaId) : typeof personaId !== 'string' || personaId === '') {
    throw new RangeError(message.invalidPersonaId(personaId));
  }
  if (typeof personaId === 'string' && personaId.includes('/')) throw new RangeError(message.personaIdWithSlash(personaId));
  return seedRng(seed).split(`persona:${personaId}`);
}

/** The last seed's root stream, kept because `split` never depends on how much the root has drawn (nothing draws from it here). */
let lastSeed: number | string | undefined;
let lastRoot: Rng | undefined;

/** `Rng.fromSeed(seed)`, made once per run of personas with the same seed. */
function seedRng(seed: number | string): Rng {
  if (lastRoot === undefined || seed !== lastSeed) {
    lastRoot = Rng.fromSeed(seed);
    lastSeed = seed;
  }
  return lastRoot;
}

/**
 * The stream of `attribute` under a persona's parent stream (see {@link personaRng}).
 *
 * @throws RangeError when `attribute` is empty or contains "/" (the seed-path separator).
 */
export function attributeStream(persona: Rng, attribute: string): Rng {
  if (typeof attribute !== 'string' || attribute === '' || attribute.includes('/')) {
    throw new RangeError(message.invalidAttribute(attribute));
  }
  return persona.split(attribute);
}
