import { Rng } from '@persona/core';
import type { PersonalityModel } from '@persona/traits';
import type { CensusFrame } from './census-draw/census-frame.js';
import { censusDraw, type CensusDraw } from './census-draw/census-draw.js';
import { PersonaAssembler } from './record/assemble-persona.js';
import type { PersonaRecord } from './record/persona-record.js';

/** Options of {@link generatePersonas}. */
export interface GenerateOptions {
  readonly n: number;
  readonly seed: number | string;
  /** Persons 18 and over only (default false: all ages, as PERSONA). */
  readonly adultsOnly?: boolean;
  /**
   * The joint Big Five × Schwartz model the traits and values are drawn from,
   * e.g. `personalityModel(loadBigFiveData(file), loadSchwartzData(file))` of
   * `@persona/traits` (default: the model of the embedded data/traits/big-five.json
   * and schwartz.json, built once).
   */
  readonly personality?: PersonalityModel;
}

/** Personas made lazily, one at a time, from a census draw. */
export interface GeneratedPersonas {
  readonly draw: CensusDraw;
  /** Persona i is made when the iterator reaches it (nothing is held), so 1,000,000 can be streamed to disk. */
  readonly personas: Iterable<PersonaRecord>;
}

/** Persona i's id: `p` + i (1-based), zero-padded to the digits of n, so ids sort in file order. */
export function personaId(index: number, n: number): string {
  return `p${String(index + 1).padStart(String(n).length, '0')}`;
}

/**
 * Generates `n` personas: the census rows by `censusDraw` (stream
 * `seed/census-draw`), then for persona i (id {@link personaId}) the
 * procedural fields from its own streams `personaStream(seed, id, attribute)`
 * (traits and values from `options.personality`), the text, the provenance.
 * Same frame, n, seed and options → the same personas in the same order.
 */
export function generatePersonas(frame: CensusFrame, options: GenerateOptions): GeneratedPersonas {
  const draw = censusDraw(frame, { n: options.n, adultsOnly: options.adultsOnly }, Rng.fromSeed(options.seed).split('census-draw'));
  const assembler = new PersonaAssembler(frame, options.seed, options.personality);
  const personas: Iterable<PersonaRecord> = {
    *[Symbol.iterator]() {
      for (let i = 0; i < draw.rows.length; i++) yield assembler.assemble(personaId(i, options.n), draw.rows[i]!, draw.weight);
    },
  };
  return { draw, personas };
}
