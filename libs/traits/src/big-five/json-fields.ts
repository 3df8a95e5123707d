import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { InputError } from '@persona/core';
import { message } from '../messages.js';

/**
 * Readers for the fields of the data/traits/*.json files: each throws an
 * `InputError` naming the file and the dotted field path, and what was expected.
 */
export function readJsonFile(path: string | URL): { json: unknown; file: string } {
  const file = typeof path === 'string' ? path : fileURLToPath(path);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(message.notJsonFile((error as Error).message), { file });
  }
  try {
    return { json: JSON.parse(text), file };
  } catch (error) {
    throw new InputError(message.notJsonFile((error as Error).message), { file });
  }
}

export function readObject(value: unknown, file: string, field: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InputError(message.expectedObject(value), { file, field });
  }
  return value as Record<string, unknown>;
}

export function readNumber(value: unknown, file: string, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new InputError(message.expectedNumber(value), { file, field });
  return value;
}

export function readNumbers(value: unknown, length: number, file: string, field: string): Float64Array {
  if (!Array.isArray(value) || value.length !== length) throw new InputError(message.expectedArray(length, value), { file, field });
  return Float64Array.from(value, (v, i) => readNumber(v, file, `${field}[${i}]`));
}

/** One number per name, from an object keyed by `names` (no missing, no unknown keys). */
export function readNamedNumbers(value: unknown, names: readonly string[], file: string, field: string): Float64Array {
  const object = readObject(value, file, field);
  for (const key of Object.keys(object)) {
    if (!names.includes(key)) throw new InputError(message.unknownName(key, names), { file, field: `${field}.${key}` });
  }
  return Float64Array.from(names, (name) => {
    if (!(name in object)) throw new InputError(message.missingName(name), { file, field });
    return readNumber(object[name], file, `${field}.${name}`);
  });
}

/**
 * An n×n correlation matrix (row-major): square, unit diagonal, symmetric
 * within 1e-12, entries in [−1, 1]. Positive definiteness is checked by the
 * caller's Cholesky factorisation.
 */
export function readCorrelationMatrix(value: unknown, n: number, file: string, field: string): Float64Array {
  if (!Array.isArray(value) || value.length !== n || !value.every((row) => Array.isArray(row) && row.length === n)) {
    throw new InputError(message.notSquareMatrix(n), { file, field });
  }
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) m[i * n + j] = readNumber((value[i] as unknown[])[j], file, `${field}[${i}][${j}]`);
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

/** Strictly increasing numbers (age knots). */
export function readIncreasing(value: unknown, file: string, field: string): Float64Array {
  if (!Array.isArray(value) || value.length < 1) throw new InputError(message.expectedArray(2, value), { file, field });
  const xs = readNumbers(value, value.length, file, field);
  for (let i = 1; i < xs.length; i++) if (!(xs[i]! > xs[i - 1]!)) throw new InputError(message.knotsNotIncreasing(), { file, field });
  return xs;
}
