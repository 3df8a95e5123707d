import { ColumnTable, InputError, type Table } from '@persona/core';
import { PumsTable, recodes, type IntColumn } from '@persona/census';
import type { ParsedPersona } from './persona-block.js';
import { PERSONA_ATTRIBUTES, PERSONA_RECODES, PERSONA_UNIVERSE_ASSUMED } from './persona-vocabulary.js';

/** A value the parser could not turn into a census category, with how many personas carry it. */
export interface UnmappedValue {
  /** The persona attribute (`marital status`) of an unrecognised value; the recode (`marital_status`) of a value missing or N/A inside its universe. */
  readonly attribute: string;
  /** The value as written (first spelling met); `(missing)` when the attribute is absent. */
  readonly value: string;
  readonly count: number;
  /** `unrecognised`: not a PUMS label or a documented variant; `missing`: the attribute is absent; `not applicable inside the universe`: an N/A for a persona the recode's universe covers. */
  readonly reason: 'unrecognised' | 'missing' | 'not applicable inside the universe';
}

/** Personas as census columns, and what could not be mapped. */
export interface PersonaCensus {
  /**
   * One row per persona: the PUMS columns (AGEP, SEX, RAC1P, SCHL, MAR, ESR,
   * CIT, MIL, LANX, DIS, HICOV; `''` when blank or unmapped) and the census
   * recodes of {@link PERSONA_RECODES} (`''` where the persona's category is
   * unknown: an unmapped value inside the recode's universe).
   */
  readonly table: Table;
  /** Unmapped values, most frequent first (then by attribute and value). */
  readonly unmapped: readonly UnmappedValue[];
}

const MISSING = '(missing)';

/**
 * Maps parsed PERSONA persona strings to census categories: each census
 * attribute (see `PERSONA_ATTRIBUTES`) is read into its PUMS variable by
 * label, then the `@persona/census` recodes are applied row by row, so the
 * universes are the recodes' own (education over 25+, marital status over
 * 15+, employment over 16+, veteran status over 18+, language over 5+). A
 * persona outside a recode's universe gets its not-in-universe code `"0"`
 * whatever it says; inside it, an unmapped or N/A value leaves the category
 * unknown (`''`) and is counted in `unmapped`. Nothing is guessed. The
 * exceptions are `disability` and `health_insurance`
 * ({@link PERSONA_UNIVERSE_ASSUMED}): their universe (civilian household
 * population) needs SERIALNO and ESR, which persona strings lack or leave
 * ambiguous, so every persona is taken as inside it and the category is the
 * DIS / HICOV code.
 */
export function personasToCensus(personas: readonly ParsedPersona[], source: string): PersonaCensus {
  const n = personas.length;
  const pumsColumns = new Map<string, IntColumn>();
  const unrecognised = new Counter();
  for (const attribute of PERSONA_ATTRIBUTES) {
    const values = new Int32Array(n);
    const blank = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const field = personas[i].fields.get(attribute.key);
      if (field === undefined) {
        blank[i] = 1;
        continue;
      }
      const match = attribute.match(field.value);
      if (match.kind === 'code') values[i] = match.code;
      else {
        blank[i] = 1;
        if (match.kind === 'unrecognised') unrecognised.add(attribute.key, field.value, 'unrecognised');
      }
    }
    pumsColumns.set(attribute.variable, { kind: 'int', values, blank });
  }
  const pums = new PumsTable(n, pumsColumns, source);
  const columns = new Map<string, string[]>();
  for (const [name, column] of pumsColumns) {
    const text = new Array<string>(n);
    for (let i = 0; i < n; i++) text[i] = column.blank[i] === 1 ? '' : String(column.values[i]);
    columns.set(name, text);
  }
  const cursor = pums.cursor();
  // The blank PUMS variable that left a category unknown: an absent attribute or an N/A inside the
  // universe is reported under the recode (unrecognised values were counted above).
  const reportBlank = (name: string, variables: readonly string[], i: number): boolean => {
    const variable = variables.find((v) => pumsColumns.get(v)?.blank[i] === 1);
    if (variable === undefined) return false;
    const attribute = PERSONA_ATTRIBUTES.find((a) => a.variable === variable)!;
    const field = personas[i].fields.get(attribute.key);
    if (field === undefined) unrecognised.add(name, MISSING, 'missing');
    else if (attribute.match(field.value).kind === 'blank') unrecognised.add(name, field.value, 'not applicable inside the universe');
    return true;
  };
  for (const name of PERSONA_RECODES) {
    const recode = recodes[name];
    const assumed = Object.hasOwn(PERSONA_UNIVERSE_ASSUMED, name) ? PERSONA_UNIVERSE_ASSUMED[name] : undefined;
    const text = new Array<string>(n);
    for (let i = 0; i < n; i++) {
      cursor.row = i;
      if (assumed !== undefined) {
        const code = cursor.int(assumed);
        text[i] = code === null ? '' : String(code);
        if (code === null) reportBlank(name, [assumed], i);
        continue;
      }
      try {
        text[i] = String(recode.apply(cursor));
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        text[i] = '';
        if (!reportBlank(name, recode.variables, i)) throw error;
      }
    }
    columns.set(name, text);
  }
  return { table: new ColumnTable(source, columns, n), unmapped: unrecognised.list() };
}

/** Counts (attribute, value) pairs, keeping the first spelling of a value. */
class Counter {
  private readonly counts = new Map<string, { attribute: string; value: string; count: number; reason: UnmappedValue['reason'] }>();

  add(attribute: string, value: string, reason: UnmappedValue['reason']): void {
    const key = `${reason}\u0000${attribute}\u0000${value}`;
    const entry = this.counts.get(key);
    if (entry) entry.count++;
    else this.counts.set(key, { attribute, value, count: 1, reason });
  }

  list(): UnmappedValue[] {
    return [...this.counts.values()].sort(
      (a, b) => b.count - a.count || compare(a.attribute, b.attribute) || compare(a.value, b.value) || compare(a.reason, b.reason),
    );
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
