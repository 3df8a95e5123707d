/** Where in the user's input a problem sits. Every part is optional. */
export interface InputLocation {
  /** Path of the file as the user gave it. */
  file?: string;
  /** 1-based physical line number in the file (CSV, JSONL). */
  line?: number;
  /** Column or JSON field name. */
  field?: string;
  /** 0-based record index (ballot, row) when lines do not apply. */
  index?: number;
}

/**
 * Bad input or usage: the computation cannot run on what it was given.
 * The CLI maps it to exit code 2 and prints `message`, which already names
 * the file, line and field (see {@link formatInputError}).
 */
export class InputError extends Error {
  readonly location: InputLocation;
  /** The bare explanation, without the location prefix. */
  readonly reason: string;

  constructor(reason: string, location: InputLocation = {}) {
    super(formatInputError(reason, location));
    this.name = 'InputError';
    this.reason = reason;
    this.location = location;
  }

  /** A copy of this error with more location filled in (existing parts win). */
  at(location: InputLocation): InputError {
    return new InputError(this.reason, { ...location, ...this.location });
  }
}

/** `FILE:LINE: field "X": reason` — the form compilers and linters use. */
export function formatInputError(reason: string, location: InputLocation): string {
  const parts: string[] = [];
  if (location.file !== undefined) {
    parts.push(location.line !== undefined ? `${location.file}:${location.line}` : location.file);
  } else if (location.line !== undefined) {
    parts.push(`line ${location.line}`);
  }
  if (location.index !== undefined) parts.push(`record ${location.index}`);
  if (location.field !== undefined) parts.push(`field "${location.field}"`);
  return parts.length > 0 ? `${parts.join(': ')}: ${reason}` : reason;
}
