import { InputError, type InputLocation } from '@persona/core';
import { message } from '../messages.js';

/** One attribute line of a persona block. */
export interface PersonaField {
  readonly value: string;
  /** 1-based line within the persona string. */
  readonly line: number;
}

/** A persona string parsed into its attributes (keys lower-cased and trimmed). */
export interface ParsedPersona {
  readonly fields: ReadonlyMap<string, PersonaField>;
}

/**
 * Parses one persona string of PERSONA's release (Castricato et al. 2024,
 * Hugging Face `SynthLabsAI/PERSONA`, column `persona`): one `key: value`
 * attribute per line, split at the FIRST colon (so `big five scores:
 * Openness: High, …` keeps its value whole). Keys compare case-insensitively;
 * blank lines and surrounding spaces are ignored.
 * @param where the persona's location: its file, and its record's `line` (a
 *   JSONL line) or `index` (an element of a JSON array).
 * @param linesInFile true when the persona's lines are lines of the file (a
 *   text of blocks): errors then name the file line `where.line + k − 1` of
 *   the block's line k; otherwise they keep `where` and the message says "line k of the persona".
 * @throws {InputError} for a line without a colon, an empty key, or a key given twice.
 */
export function parsePersonaBlock(text: string, where: InputLocation = {}, linesInFile = false): ParsedPersona {
  const fields = new Map<string, PersonaField>();
  const lines = text.split(/\r?\n/);
  const at = (line: number): InputLocation => (linesInFile ? { ...where, line: (where.line ?? 1) + line - 1 } : where);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    if (raw.trim() === '') continue;
    const colon = raw.indexOf(':');
    const key = colon < 0 ? '' : raw.slice(0, colon).trim().toLowerCase();
    if (colon < 0 || key === '') {
      throw new InputError(message.personaLineMalformed(i + 1, raw.trim()), at(i + 1));
    }
    if (fields.has(key)) throw new InputError(message.personaKeyRepeated(key, fields.get(key)!.line, i + 1), at(i + 1));
    fields.set(key, { value: raw.slice(colon + 1).trim(), line: i + 1 });
  }
  if (fields.size === 0) throw new InputError(message.personaEmpty(), at(1));
  return { fields };
}

/**
 * Splits a text file of persona blocks, separated by one or more blank lines,
 * into the blocks and the 1-based file line each starts on.
 */
export function splitPersonaBlocks(text: string): { text: string; line: number }[] {
  const blocks: { text: string; line: number }[] = [];
  const lines = text.split(/\r?\n/);
  let start = -1;
  for (let i = 0; i <= lines.length; i++) {
    const blank = i === lines.length || lines[i].trim() === '';
    if (!blank && start < 0) start = i;
    if (blank && start >= 0) {
      blocks.push({ text: lines.slice(start, i).join('\n'), line: start + 1 });
      start = -1;
    }
  }
  return blocks;
}
