/**
 * Where the inputs came from, so that errors name the user's files: the
 * margins file, the sample file and its weight column, and the 1-based file
 * line of each 0-based sample row (`Table.lineOf` of @persona/core, which also
 * knows the lines after a line break inside a quoted CSV field).
 */
export interface InputSource {
  readonly marginsFile?: string;
  readonly sampleFile?: string;
  readonly weightField?: string;
  /** The file line of a sample row, or undefined when unknown (no file, a JSON array, Parquet). */
  lineOf?(row: number): number | undefined;
}

/** The `line` part of an error location for a sample row: `{ line }` when the source knows it, else nothing (messages name the row). */
export function sampleRowLine(source: InputSource, row: number): { line: number } | Record<never, never> {
  const line = source.lineOf?.(row);
  return line !== undefined ? { line } : {};
}
