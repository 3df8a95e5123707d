import { InputError } from '@persona/core';
import { message } from './messages.js';

/** Exit codes fixed by CONTRACTS.md. */
export const ExitCode = { ok: 0, badInput: 2, criterionNotMet: 3 } as const;

/**
 * Runs a command's action: maps {@link InputError} (and commander usage errors)
 * to exit code 2 with one message on stderr; an action may return 3 when the
 * computation ran but did not meet its criterion (the result is printed anyway).
 */
export function action<A extends unknown[]>(fn: (...args: A) => Promise<number | void> | number | void) {
  return async (...args: A): Promise<void> => {
    try {
      const code = await fn(...args);
      process.exitCode = code ?? ExitCode.ok;
    } catch (error) {
      if (error instanceof InputError) {
        process.stderr.write(`persona: ${error.message}\n`);
        process.exitCode = ExitCode.badInput;
        return;
      }
      throw error;
    }
  };
}

let progressRequested = false;

/** Records the global `--progress` flag (set by `buildProgram`'s pre-action hook). */
export function requestProgress(requested: boolean): void {
  progressRequested = requested;
}

/**
 * Writes one short progress line to stderr — never stdout — when `--progress` is
 * given or stderr is a terminal (CONTRACTS.md general rules), else nothing. For
 * the long steps of a command (reading a large file, simulations).
 */
export function progress(line: string): void {
  if (progressRequested || process.stderr.isTTY === true) process.stderr.write(`persona: ${line}\n`);
}

/** Prints exactly one JSON document on stdout (CONTRACTS.md `--json`). */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, jsonReplacer)}\n`);
}

/** Typed arrays print as JSON arrays; non-finite numbers as null. */
function jsonReplacer(_key: string, value: unknown): unknown {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return Array.from(value as unknown as ArrayLike<number>);
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  return value;
}

/** Parses an option that must be a number, or fails with exit 2 naming the option. */
export function numberOption(name: string, raw: string, check: (x: number) => boolean = Number.isFinite, expected = 'a number'): number {
  const x = Number(raw);
  if (raw.trim() === '' || !check(x)) throw new InputError(message.optionNotNumber(expected, raw), { field: name });
  return x;
}
