import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { InputError } from '@persona/core';
import { message } from '../messages.js';
import { pumsDictionaryPath } from '../paths.js';
import { normaliseCode } from './normalise-code.js';
import { parsePumsDictionary, type PumsValueLabel, type PumsVariable } from './parse-dictionary.js';

/**
 * Labels for PUMS variables and codes, from the Census Bureau's data
 * dictionary. Codes are compared in normalised form (no leading zeros, blank
 * = `''`), so `label('HISP', '01')` and `label('HISP', 1)` both answer
 * "Not Spanish/Hispanic/Latino". A numeric value inside a dictionary range
 * (`AGEP 1..99`) gets the range's label.
 */
export class Codebook {
  private readonly exact = new Map<string, Map<string, PumsValueLabel>>();

  constructor(private readonly variables: ReadonlyMap<string, PumsVariable>) {
    for (const [name, variable] of variables) {
      const byCode = new Map<string, PumsValueLabel>();
      for (const value of variable.values) if (value.range === undefined && !byCode.has(value.code)) byCode.set(value.code, value);
      this.exact.set(name, byCode);
    }
  }

  /** Every variable name, in dictionary order. */
  names(): string[] {
    return [...this.variables.keys()];
  }

  has(name: string): boolean {
    return this.variables.has(name);
  }

  /**
   * The dictionary entry of a variable: type, width, label, value list.
   * @throws {InputError} "Unrecognized PUMS variable: X" for a name not in the dictionary.
   */
  variable(name: string): PumsVariable {
    const variable = this.variables.get(name);
    if (variable === undefined) throw new InputError(message.unknownVariable(name), { field: name });
    return variable;
  }

  /**
   * The dictionary's value line for a code, or undefined when the dictionary
   * does not list it. Blank is `''` (or `null`).
   * @throws {InputError} for an unknown variable.
   */
  find(name: string, code: string | number | null): PumsValueLabel | undefined {
    const variable = this.variable(name);
    const key = code === null ? '' : normaliseCode(code);
    const exact = this.exact.get(name)!.get(key);
    if (exact !== undefined) return exact;
    if (!/^-?\d+$/.test(key)) return undefined;
    const x = Number(key);
    return variable.values.find((value) => value.range !== undefined && x >= value.range.lo && x <= value.range.hi);
  }

  /**
   * The label of a code, e.g. `label('SCHL', '21')` → "Bachelor's degree".
   * @throws {InputError} for an unknown variable, or a code the dictionary does not list.
   */
  label(name: string, code: string | number | null): string {
    const value = this.find(name, code);
    if (value === undefined) throw new InputError(message.unknownCode(name, code === null ? '' : String(code)), { field: name });
    return value.label;
  }
}

let cached: Codebook | undefined;

/**
 * The codebook of the 2024 ACS 1-year PUMS (data dictionary dated
 * 2025-10-16), parsed from the verbatim copy in data/census/ once and cached.
 */
export function pumsCodebook(): Codebook {
  if (cached === undefined) {
    const path = fileURLToPath(pumsDictionaryPath);
    cached = new Codebook(parsePumsDictionary(readFileSync(path, 'utf8'), path));
  }
  return cached;
}
