import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { personaHfAttributesPath } from '../paths.js';

/** One of PERSONA's 33 persona attribute keys (data/personas/persona_hf_attributes.json). */
export interface PersonaHfAttribute {
  /** 1-based position in PERSONA's attribute block. */
  readonly order: number;
  /** The key as PERSONA writes it, e.g. `household language`. */
  readonly key: string;
  /** How PERSONA made the value: census, procedural, llm. */
  readonly stage: string;
  /** Keys 29–33 appear on some released personas only. */
  readonly optional: boolean;
  /** The PUMS variable this project writes the key from and reads it as (null: none). */
  readonly pums: string | null;
}

let cached: readonly PersonaHfAttribute[] | undefined;

/** PERSONA's attribute keys in release order, with the PUMS variable behind each. */
export function personaHfAttributes(): readonly PersonaHfAttribute[] {
  if (cached === undefined) {
    const document = JSON.parse(readFileSync(fileURLToPath(personaHfAttributesPath), 'utf8')) as { attributes: PersonaHfAttribute[] };
    cached = Object.freeze(document.attributes.map((a) => Object.freeze(a)));
  }
  return cached;
}
