/**
 * Every user-facing message of `@persona/core`, in one place so that tests can
 * assert on the same text the user sees.
 */
export const message = {
  unknownColumn: (column: string, available: readonly string[]) =>
    `Unrecognized column: ${column} (the file has: ${available.slice(0, 40).join(', ')}${available.length > 40 ? ', …' : ''})`,
  invalidSeed: (seed: unknown) => `invalid seed: expected a finite integer or a string. Value: \`${String(seed)}\`.`,
  invalidState: () => 'invalid xoshiro128** state: expected four 32-bit unsigned integers, not all zero',
  // Table readers (csv.ts, jsonl.ts, parquet.ts, read-table.ts)
  emptyFile: () => 'the file is empty (expected a header row)',
  duplicateColumn: (name: string) => `duplicate column name "${name}" in the header`,
  duplicateRequest: (name: string) => `column "${name}" is requested twice`,
  raggedRow: (line: number, fields: number, expected: number) =>
    `line ${line} has ${fields} field${fields === 1 ? '' : 's'}, the header has ${expected}`,
  unterminatedQuote: (line: number) => `the quoted field opened on line ${line} is never closed (expected a closing ")`,
  charAfterQuote: () => 'unexpected character after a closing quote (expected a comma or the end of the line)',
  quoteInUnquotedField: () =>
    'a quote (") inside an unquoted field (expected the whole field in quotes, with inner quotes doubled: "")',
  invalidJsonLine: (detail: string) => `invalid JSON: ${detail}`,
  notAnObject: (what: string) => `expected a JSON object, got ${what}`,
  notAnArrayOfObjects: () => 'expected a JSON array of objects',
  unsupportedFormat: (extension: string) =>
    `unsupported file type "${extension}" (expected .csv, .jsonl, .json or .parquet, each optionally gzipped: .csv.gz, …)`,
  cannotRead: (detail: string) => `cannot read the file: ${detail}`,
  missingColumns: (missing: readonly string[], available: readonly string[]) =>
    `missing required column${missing.length === 1 ? '' : 's'}: ${missing.join(', ')} (the file has: ${available.slice(0, 40).join(', ')}${available.length > 40 ? ', …' : ''})`,
  ambiguousColumn: (name: string, candidates: readonly string[]) =>
    `ambiguous column: ${name} could be ${candidates.join(' or ')} (use the full name)`,
  invalidParquet: (detail: string) => `invalid Parquet file: ${detail}`,
  // Rng.int and AtomicFileWriter misuse (programming errors, not bad input)
  invalidRange: (n: number) => `invalid range: expected an integer n with 1 ≤ n ≤ 2^32. Value: \`${String(n)}\`.`,
  writerClosed: (operation: 'write' | 'commit', path: string) => `${operation} after commit or abort: ${path}`,
};
