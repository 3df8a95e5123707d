import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { InputError } from '@persona/core';
import { message } from '../messages.js';

/**
 * The one set of readers for the fields of the data/traits/*.json files
 * (big-five.json, schwartz.json, religion.json, politics.json, lists/*.json):
 * each returns the field as the expected type or throws an `InputError`
 * naming the file and the dotted field path, and what was expected.
 */

/** A path given as a string or a `file:` URL, as the user would write it in a message. */
export function displayPath(path: string | URL): string {
  return typeof path === 'string' ? path : fileURLToPath(path);
}

/**
 * Reads and parses one JSON data file.
 * @throws {InputError} naming the file when it cannot be read or is not JSON.
 */
export function readJsonFile(path: string | URL): unknown {
  const file = displayPath(path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError(message.notJsonFile((error as Error).message), { file });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InputError(message.notJsonFile((error as Error).message), { file });
  }
}

/** `value` as a JSON object, or an InputError at `field` of `file`. */
export function objectAt(value: unknown, file: string, field: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InputError(message.expectedObject(value), { file, field });
  }
  return value as Record<string, unknown>;
}

/** `value` as a non-empty string, or an InputError at `field` of `file`. */
export function stringAt(value: unknown, file: string, field: string): string {
  if (typeof value !== 'string' || value === '') throw new InputError(message.expectedString(value), { file, field });
  return value;
}

/** `value` as true or false, or an InputError. */
export function booleanAt(value: unknown, file: string, field: string): boolean {
  if (typeof value !== 'boolean') throw new InputError(message.expectedBoolean(value), { file, field });
  return value;
}

/** `value` as an array of `length` entries (any length when omitted), or an InputError. */
export function arrayAt(value: unknown, file: string, field: string, length?: number): unknown[] {
  if (!Array.isArray(value) || (length !== undefined && value.length !== length)) {
    throw new InputError(message.expectedArray(length ?? 0, value), { file, field });
  }
  return value;
}

/** `value` as a finite number, or an InputError. */
export function numberAt(value: unknown, file: string, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new InputError(message.expectedNumber(value), { file, field });
  return value;
}

/** An array of exactly `length` finite numbers; entry i is reported as `field[i]`. */
export function numbersAt(value: unknown, length: number, file: string, field: string): Float64Array {
  return Float64Array.from(arrayAt(value, file, field, length), (v, i) => numberAt(v, file, `${field}[${i}]`));
}

/** `value` as a finite number > 0, or an InputError. */
export function positiveNumberAt(value: unknown, file: string, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new InputError(message.expectedPositiveNumber(value), { file, field });
  }
  return value;
}

/** `value` as an integer ≥ 1 (a sample size), or an InputError. */
export function positiveIntegerAt(value: unknown, file: string, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new InputError(message.expectedPositiveInteger(value), { file, field });
  }
  return value;
}

/** `value` as exactly the strings `expected`, in that order (a fixed name order), or an InputError. */
export function fixedListAt(value: unknown, expected: readonly string[], file: string, field: string): void {
  if (!Array.isArray(value) || value.length !== expected.length || value.some((v, i) => v !== expected[i])) {
    throw new InputError(message.fixedOrder(expected, value), { file, field });
  }
}

/** An object keyed by exactly `names` (no missing, no unknown keys), its entries read by `read` in `names` order. */
export function namedAt<T>(
  value: unknown,
  names: readonly string[],
  file: string,
  field: string,
  read: (entry: unknown, field: string) => T,
): T[] {
  const object = objectAt(value, file, field);
  for (const key of Object.keys(object)) {
    if (!names.includes(key)) throw new InputError(message.unknownName(key, names), { file, field: `${field}.${key}` });
  }
  return names.map((name) => {
    if (!(name in object)) throw new InputError(message.missingName(name), { file, field });
    return read(object[name], `${field}.${name}`);
  });
}

/** One finite number per name, from an object keyed by exactly `names`. */
export function namedNumbersAt(value: unknown, names: readonly string[], file: string, field: string): Float64Array {
  return Float64Array.from(namedAt(value, names, file, field, (entry, at) => numberAt(entry, file, at)));
}

/**
 * An n×n correlation matrix (row-major): square, unit diagonal, symmetric
 * within 1e-12, entries in [−1, 1]. Positive definiteness is checked by the
 * caller's Cholesky factorisation.
 */
export function correlationMatrixAt(value: unknown, n: number, file: string, field: string): Float64Array {
  if (!Array.isArray(value) || value.length !== n || !value.every((row) => Array.isArray(row) && row.length === n)) {
    throw new InputError(message.notSquareMatrix(n), { file, field });
  }
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) m[i * n + j] = numberAt((value[i] as unknown[])[j], file, `${field}[${i}][${j}]`);
  }
  for (let i = 0; i < n; i++) {
    if (m[i * n + i] !== 1) throw new InputError(message.notUnitDiagonal(i, m[i * n + i]!), { file, field });
    for (let j = 0; j < i; j++) {
      const a = m[i * n + j]!;
      const b = m[j * n + i]!;
      if (Math.abs(a - b) > 1e-12) throw new InputError(message.notSymmetric(i, j, a, b), { file, field });
      if (Math.abs(a) > 1) throw new InputError(message.correlationOutOfRange(i, j, a), { file, field });
    }
  }
  return m;
}

/** Strictly increasing age knots: at least 1 (one knot = a constant curve). */
export function knotsAt(value: unknown, file: string, field: string): Float64Array {
  if (!Array.isArray(value) || value.length < 1) throw new InputError(message.expectedKnots(value), { file, field });
  const xs = numbersAt(value, value.length, file, field);
  for (let i = 1; i < xs.length; i++) if (!(xs[i]! > xs[i - 1]!)) throw new InputError(message.knotsNotIncreasing(), { file, field });
  return xs;
}
