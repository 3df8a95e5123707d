import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { InputError } from '@persona/core';
import { message } from '../messages.js';

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
