import { InputError } from '@persona/core';
import { message } from '../messages.js';
import { normaliseCode } from './normalise-code.js';

/** One value line of the data dictionary: a code (or a range of codes) and its label. */
export interface PumsValueLabel {
  /** The code as printed in the dictionary (`01`, `bb`, `1..99`). */
  readonly raw: string;
  /** The normalised code (see `normaliseCode`); for a range, its lower end. `''` is the blank. */
  readonly code: string;
  /** For a numeric range `lo..hi`: both ends; otherwise undefined. */
  readonly range?: { readonly lo: number; readonly hi: number };
  readonly label: string;
  /** 1-based line of the dictionary text. */
  readonly line: number;
}

/** One variable of the data dictionary. */
export interface PumsVariable {
  readonly name: string;
  /** `Character` (a code, even when the codes are digits) or `Numeric` (a count or amount). */
  readonly type: 'Character' | 'Numeric';
  /** Width of the field in the Census Bureau's files, in characters. */
  readonly width: number;
  readonly label: string;
  /** Which record layout the variable was read from (person wins when both list it). */
  readonly record: 'housing' | 'person';
  /** The dictionary section, e.g. `PERSON RECORD-RECODED PERSON VARIABLES`. */
  readonly section: string;
  /** 1-based line of the variable's header line. */
  readonly line: number;
  readonly values: readonly PumsValueLabel[];
}

const HEADER = /^([A-Z][A-Z0-9_]*) +(Character|Numeric) +(\d+) *$/;
const VALUE = /^ {12}(\S+) +\.(.*)$/;
const SECTION = /^(HOUSING|PERSON) RECORD/;

/**
 * Parses the text layout of the Census Bureau's ACS PUMS data dictionary
 * ("2024 ACS PUMS DATA DICTIONARY", October 16, 2025). The layout is: section
 * titles (`PERSON RECORD-PERSON VARIABLES`); a variable header
 * `NAME   Character|Numeric   WIDTH`; the variable label on the next line; then
 * value lines indented by 12 spaces, `CODE .Label`, where CODE is a single code,
 * a blank placeholder (`b`, `bb`, …) or a range `LO..HI`.
 *
 * Variables listed in both the housing and the person layouts (SERIALNO,
 * STATE, PUMA, …) keep their person-record entry.
 *
 * @param source names the text in error messages (a file path).
 * @throws {InputError} naming the line when a value line precedes every
 *   variable header, or when no variable is found.
 */
export function parsePumsDictionary(text: string, source = 'data dictionary'): Map<string, PumsVariable> {
  const lines = text.split(/\r?\n/);
  const variables = new Map<string, PumsVariable>();
  let record: 'housing' | 'person' = 'housing';
  let section = '';
  let current: { name: string; type: 'Character' | 'Numeric'; width: number; label: string; line: number; values: PumsValueLabel[] } | null = null;
  let expectLabel = false;

  const close = () => {
    if (current === null) return;
    const entry: PumsVariable = { ...current, record, section };
    if (record === 'person' || !variables.has(current.name)) variables.set(current.name, entry);
    current = null;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const lineNo = i + 1;
    if (expectLabel) {
      current!.label = line.trim();
      expectLabel = false;
      continue;
    }
    const header = HEADER.exec(line);
    if (header !== null) {
      close();
      current = { name: header[1], type: header[2] as 'Character' | 'Numeric', width: Number(header[3]), label: '', line: lineNo, values: [] };
      expectLabel = true;
      continue;
    }
    const value = VALUE.exec(line);
    if (value !== null) {
      if (current === null) throw new InputError(message.dictionaryValueOutsideVariable(line.trim()), { file: source, line: lineNo });
      current.values.push(parseValue(value[1], value[2].trim(), lineNo));
      continue;
    }
    if (SECTION.test(line)) {
      close();
      record = line.startsWith('PERSON') ? 'person' : 'housing';
      section = line.trim();
    }
  }
  close();
  if (variables.size === 0) throw new InputError(message.dictionaryEmpty(), { file: source });
  return variables;
}

function parseValue(raw: string, label: string, line: number): PumsValueLabel {
  const dots = raw.indexOf('..');
  if (dots > 0) {
    const lo = normaliseCode(raw.slice(0, dots));
    const hi = normaliseCode(raw.slice(dots + 2));
    if (/^-?\d+$/.test(lo) && /^-?\d+$/.test(hi)) {
      return { raw, code: lo, range: { lo: Number(lo), hi: Number(hi) }, label, line };
    }
  }
  return { raw, code: normaliseCode(raw), label, line };
}
