/**
 * Where the inputs came from, so that errors name the user's files: the
 * margins file, the sample file and its weight column, and the offset from a
 * 0-based row to the 1-based file line (2 for a CSV with one header line and no
 * quoted newlines).
 */
export interface InputSource {
  readonly marginsFile?: string;
  readonly sampleFile?: string;
  readonly weightField?: string;
  readonly lineOffset?: number;
}
