import { InputError } from '@persona/core';
import { message } from './messages.js';
import { numberOption } from './kit.js';

/** `--bounds LO,HI`: two numbers; `-Inf`/`Inf` (any case, or ±Infinity) for no bound. */
export function parseBounds(raw: string): [number, number] {
  const parts = raw.split(',').map((p) => p.trim());
  const value = (p: string) => {
    if (/^[+-]?inf(inity)?$/i.test(p)) return p.startsWith('-') ? -Infinity : Infinity;
    return p === '' ? NaN : Number(p);
  };
  const [lo, hi] = parts.map(value);
  if (parts.length !== 2 || Number.isNaN(lo) || Number.isNaN(hi)) throw new InputError(message.boundsInvalid(raw), { field: '--bounds' });
  return [lo, hi];
}

/** An option that must be one of `allowed`; the error names the option (`--method`, `--format`, …). */
export function choiceOption<T extends string>(name: string, raw: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(raw)) throw new InputError(message.choiceInvalid(name, raw, allowed), { field: name });
  return raw as T;
}

/** A positive integer option (`--n`, `--max-iter`). */
export function positiveInteger(name: string, raw: string): number {
  return numberOption(name, raw, (x) => Number.isInteger(x) && x >= 1, 'a positive integer');
}

/** An integer option (`--seed`). */
export function integerOption(name: string, raw: string): number {
  return numberOption(name, raw, (x) => Number.isSafeInteger(x), 'an integer');
}

/** A positive finite number (`--tol`). */
export function positiveNumber(name: string, raw: string): number {
  return numberOption(name, raw, (x) => Number.isFinite(x) && x > 0, 'a positive number');
}
