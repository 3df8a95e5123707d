import { InputError } from './input-error.js';
import { message } from './messages.js';
import { openInputStream } from './gzip/open-input.js';

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;
/** SPECIAL[byte] is 1 for the bytes that end or break an unquoted field: comma, LF, CR, quote. */
const SPECIAL = new Uint8Array(256);
for (const c of [QUOTE, COMMA, LF, CR]) SPECIAL[c] = 1;
/** Interned one-character strings for single-byte ASCII fields (codes like "1"). */
const ONE_CHAR = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c));
/** Interned two-character ASCII strings, filled on first use. */
const TWO_CHARS: (string | undefined)[] = new Array<string | undefined>(128 * 128).fill(undefined);
/** Flags of a parsed field beside the OR of its bytes (below 0x100): it was quoted; it holds a doubled quote. */
const QUOTED = 0x100;
const ESCAPED = 0x200;
/** Node's Buffer has a fast `latin1Slice` (not in @types/node); identical to `toString('latin1', …)`. */
type LatinSlicer = Buffer & { latin1Slice(start: number, end: number): string };

/** Options of {@link streamCsv} and {@link parseCsv}. */
export interface CsvStreamOptions {
  /**
   * Projection: the columns to deliver, in this order. Other fields are skipped
   * without being decoded, which is what makes a narrow read of a wide file
   * fast. Default: every column, in file order.
   */
  columns?: readonly string[];
  /** Called once with the full header (every column name, in file order). */
  onHeader?: (names: string[]) => void;
  /**
   * Called once per record with the projected fields and the 1-based physical
   * line on which the record starts (the header is line 1). The `fields`
   * array is reused for the next record: copy it if you keep it.
   */
  onRow: (fields: string[], line: number) => void;
}

/** What a CSV read found. */
export interface CsvStreamResult {
  /** Every column name of the header, in file order. */
  names: string[];
  /** Number of data records (the header is not counted). */
  nRows: number;
}

/**
 * One record of {@link streamCsvRecords}, as byte ranges of the projected
 * fields: field j occupies `bytes[starts[j]]` up to (excluding) `bytes[ends[j]]`;
 * for a quoted field the range is the content between the quotes, where a
 * doubled quote stays doubled (`text(j)` undoes it). The view and its
 * arrays are reused for the next record: read it inside the callback.
 */
export interface CsvRecord {
  readonly bytes: Uint8Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** Field j decoded as {@link streamCsv} delivers it (UTF-8, doubled quotes undone). */
  text(j: number): string;
}

/** Options of {@link streamCsvRecords} and {@link parseCsvRecords}. */
export interface CsvRecordStreamOptions {
  /** Projection, as in {@link CsvStreamOptions.columns}. */
  columns?: readonly string[];
  /** Called once with the full header (every column name, in file order). */
  onHeader?: (names: string[]) => void;
  /** Called once per record with its projected fields as byte ranges and the 1-based physical line on which it starts. */
  onRecord: (record: CsvRecord, line: number) => void;
}

/**
 * Streams a CSV file (RFC 4180: comma-separated, fields optionally in double
 * quotes with `""` for a quote, quoted fields may hold commas and line breaks;
 * CRLF or LF line ends; first record is the header; UTF-8 with an optional
 * byte-order mark, which is dropped). A `.gz` file is decompressed on the fly.
 *
 * Memory stays bounded by the read chunk (1 MiB) and the longest record, so a
 * file of any size can be read. Conventions beyond RFC 4180: blank lines are
 * skipped; a quote inside an unquoted field is an error rather than a literal.
 *
 * @throws {InputError} naming the file and line when the file is empty, has a
 *   duplicate header name, a record whose field count differs from the
 *   header's, an unterminated quote (the line where it opened), or a requested
 *   column that is not in the header ("Unrecognized column: X").
 * @example
 *   let total = 0;
 *   await streamCsv('psam_p56.csv', { columns: ['PWGTP'], onRow: ([w]) => { total += Number(w); } });
 */
export async function streamCsv(path: string, options: CsvStreamOptions): Promise<CsvStreamResult> {
  return streamFile(path, options);
}

/**
 * {@link streamCsv} without decoding: each record comes as byte ranges of its
 * projected fields ({@link CsvRecord}), so a consumer can parse numbers
 * straight from the bytes and create strings only for the fields it keeps as
 * text. Same format, conventions, memory bound and errors as {@link streamCsv}.
 * @example
 *   let total = 0;
 *   await streamCsvRecords('psam_p56.csv', {
 *     columns: ['PWGTP'],
 *     onRecord: ({ bytes, starts, ends }) => {
 *       let w = 0;
 *       for (let p = starts[0]; p < ends[0]; p++) w = w * 10 + (bytes[p] - 48); // PWGTP is unsigned digits
 *       total += w;
 *     },
 *   });
 */
export async function streamCsvRecords(path: string, options: CsvRecordStreamOptions): Promise<CsvStreamResult> {
  return streamFile(path, options);
}

async function streamFile(path: string, options: CsvStreamOptions | CsvRecordStreamOptions): Promise<CsvStreamResult> {
  let stream;
  try {
    stream = openInputStream(path);
    return await feed(new CsvParser(path, options), stream);
  } catch (error) {
    stream?.destroy();
    throw isIoError(error) ? new InputError(message.cannotRead(describeIoError(error)), { file: path }) : error;
  }
}

/** A failure of the file system or of zlib (they carry a string `code`, e.g. ENOENT, Z_DATA_ERROR), as opposed to a bug. */
export function isIoError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string';
}

/**
 * Parses CSV bytes from any async source of chunks (a Node Readable, an array
 * of Buffers); `source` names the input in error messages. See {@link streamCsv}.
 */
export async function parseCsv(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  source: string,
  options: CsvStreamOptions,
): Promise<CsvStreamResult> {
  return feed(new CsvParser(source, options), chunks);
}

/**
 * Parses CSV bytes from any async source of chunks into byte-range records;
 * `source` names the input in error messages. See {@link streamCsvRecords}.
 */
export async function parseCsvRecords(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  source: string,
  options: CsvRecordStreamOptions,
): Promise<CsvStreamResult> {
  return feed(new CsvParser(source, options), chunks);
}

async function feed(parser: CsvParser, chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<CsvStreamResult> {
  for await (const chunk of chunks) parser.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  return parser.finish();
}

/** An I/O failure (missing file, corrupt gzip) in one line. */
export function describeIoError(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && (error as { code: unknown }).code === 'ENOENT') return 'no such file';
  return error instanceof Error ? error.message : String(error);
}

/**
 * Incremental RFC 4180 record parser. A record cut by the end of a chunk is
 * re-parsed once more data has arrived (the cut part is kept as `carry`);
 * fields outside the projection are scanned but never turned into strings.
 * Row mode (`onRow`) decodes projected fields into strings as it scans;
 * record mode (`onRecord`) only notes their byte ranges, and the parser itself
 * is the {@link CsvRecord} handed out.
 */
class CsvParser implements CsvRecord {
  /** The buffer the current record's ranges refer to. */
  bytes: Buffer = Buffer.alloc(0);
  starts = new Int32Array(0);
  ends = new Int32Array(0);
  /** Per projected field: OR of its bytes (unquoted), or QUOTED | ESCAPED flags. */
  private flags = new Int32Array(0);
  /** Row mode ({@link streamCsv}): the decoded projected fields of the current record; null in record mode. */
  private out: string[] | null = null;
  private readonly onRow: ((fields: string[], line: number) => void) | null;
  private readonly onRecord: ((record: CsvRecord, line: number) => void) | null;
  private carry: Buffer | null = null;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private bomChecked = false;
  /** 1-based physical line on which the next record starts. */
  private line = 1;
  private nRows = 0;
  private header: string[] | null = null;
  /** While reading the header: every field; afterwards null. */
  private headerFields: string[] | null = [];
  /** slot[i] = position of field i in the projection, or -1 when field i is not projected. */
  private slots = new Int32Array(0);
  /** Field count and newline count of the record last parsed. */
  private recordFields = 0;
  private recordNewlines = 0;

  constructor(
    private readonly source: string,
    private readonly options: CsvStreamOptions | CsvRecordStreamOptions,
  ) {
    this.onRow = 'onRow' in options ? options.onRow : null;
    this.onRecord = 'onRecord' in options ? options.onRecord : null;
  }

  text(j: number): string {
    const flags = this.flags[j];
    if ((flags & QUOTED) === 0) return decodeField(this.bytes, this.starts[j], this.ends[j], flags);
    const text = this.bytes.toString('utf8', this.starts[j], this.ends[j]);
    return (flags & ESCAPED) === 0 ? text : text.replaceAll('""', '"');
  }

  push(chunk: Buffer): void {
    if (chunk.length === 0) return;
    if (this.carry === null) {
      this.consume(chunk, false);
      return;
    }
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    // Wait until the new data is at least as long as the cut record, so that
    // a very long record is re-parsed O(log n) times, not once per chunk.
    if (this.pendingBytes < this.carry.length) return;
    this.consume(this.takePending(), false);
  }

  finish(): CsvStreamResult {
    const rest = this.carry === null ? null : this.takePending();
    if (rest !== null) this.consume(rest, true);
    if (this.header === null) throw new InputError(message.emptyFile(), { file: this.source });
    return { names: this.header, nRows: this.nRows };
  }

  private takePending(): Buffer {
    const joined = Buffer.concat([this.carry!, ...this.pending]);
    this.carry = null;
    this.pending = [];
    this.pendingBytes = 0;
    return joined;
  }

  private consume(buf: Buffer, eof: boolean): void {
    let p = 0;
    const end = buf.length;
    this.bytes = buf;
    if (!this.bomChecked) {
      if (end < 3 && !eof) {
        this.carry = buf;
        return;
      }
      if (end >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) p = 3;
      this.bomChecked = true;
    }
    while (p < end) {
      const c = buf[p];
      if (c === LF) {
        p++;
        this.line++;
        continue;
      }
      if (c === CR) {
        if (p + 1 >= end && !eof) break;
        p += p + 1 < end && buf[p + 1] === LF ? 2 : 1;
        this.line++;
        continue;
      }
      const next = this.parseRecord(buf, p, end, eof);
      if (next < 0) break;
      this.endRecord();
      p = next;
    }
    this.carry = p < end ? buf.subarray(p) : null;
  }

  /**
   * Parses one record starting at `start`. Returns the position after its line
   * end, or -1 when the record is cut by the end of the buffer (and more data
   * may follow). Sets `recordFields` and `recordNewlines`.
   */
  private parseRecord(buf: Buffer, start: number, end: number, eof: boolean): number {
    const headerFields = this.headerFields;
    if (headerFields !== null) headerFields.length = 0; // a cut header is re-parsed from its start
    const slots = this.slots;
    const nSlots = slots.length;
    const starts = this.starts;
    const ends = this.ends;
    const flags = this.flags;
    const out = this.out;
    let p = start;
    let field = 0;
    let newlines = 0;
    for (;;) {
      const slot = headerFields !== null ? field : field < nSlots ? slots[field] : -1;
      if (p < end && buf[p] === QUOTE) {
        const openLine = this.line + newlines;
        const contentStart = p + 1;
        let q = contentStart;
        let escaped = false;
        for (;;) {
          const k = buf.indexOf(QUOTE, q);
          if (k < 0) {
            if (eof) throw new InputError(message.unterminatedQuote(openLine), { file: this.source, line: openLine });
            return -1;
          }
          if (k + 1 >= end && !eof) return -1;
          if (k + 1 < end && buf[k + 1] === QUOTE) {
            escaped = true;
            q = k + 2;
            continue;
          }
          newlines += countLineFeeds(buf, contentStart, k);
          if (slot >= 0) {
            if (headerFields !== null || out !== null) {
              const text = buf.toString('utf8', contentStart, k);
              const value = escaped ? text.replaceAll('""', '"') : text;
              if (headerFields !== null) headerFields.push(value);
              else out![slot] = value;
            } else {
              starts[slot] = contentStart;
              ends[slot] = k;
              flags[slot] = escaped ? QUOTED | ESCAPED : QUOTED;
            }
          }
          p = k + 1;
          break;
        }
        if (p < end) {
          const c = buf[p];
          if (c !== COMMA && c !== LF && c !== CR) {
            throw new InputError(message.charAfterQuote(), { file: this.source, line: this.line + newlines });
          }
        }
      } else {
        const fieldStart = p;
        let bits = 0;
        while (p < end) {
          const c = buf[p];
          if (SPECIAL[c] !== 0) {
            if (c === QUOTE) throw new InputError(message.quoteInUnquotedField(), { file: this.source, line: this.line + newlines });
            break;
          }
          bits |= c;
          p++;
        }
        if (p >= end && !eof) return -1;
        if (slot >= 0) {
          if (headerFields !== null) {
            headerFields.push(decodeField(buf, fieldStart, p, bits));
          } else if (out !== null) {
            out[slot] = decodeField(buf, fieldStart, p, bits);
          } else {
            starts[slot] = fieldStart;
            ends[slot] = p;
            flags[slot] = bits;
          }
        }
      }
      field++;
      if (p >= end) break;
      const c = buf[p];
      if (c === COMMA) {
        p++;
        continue;
      }
      if (c === CR) {
        if (p + 1 >= end && !eof) return -1;
        p += p + 1 < end && buf[p + 1] === LF ? 2 : 1;
      } else {
        p++;
      }
      newlines++;
      break;
    }
    this.recordFields = field;
    this.recordNewlines = newlines;
    return p;
  }

  private endRecord(): void {
    const line = this.line;
    this.line += this.recordNewlines;
    if (this.headerFields !== null) {
      this.setHeader(this.headerFields, line);
      return;
    }
    const expected = this.header!.length;
    if (this.recordFields !== expected) {
      throw new InputError(message.raggedRow(line, this.recordFields, expected), { file: this.source, line });
    }
    this.nRows++;
    if (this.out !== null) this.onRow!(this.out, line);
    else this.onRecord!(this, line);
  }

  private setHeader(names: string[], line: number): void {
    const seen = new Set<string>();
    for (const name of names) {
      if (seen.has(name)) throw new InputError(message.duplicateColumn(name), { file: this.source, line });
      seen.add(name);
    }
    this.header = names;
    this.headerFields = null;
    const projection = this.options.columns ?? names;
    const index = new Map(names.map((name, i) => [name, i]));
    this.slots = new Int32Array(names.length).fill(-1);
    projection.forEach((name, j) => {
      const i = index.get(name);
      if (i === undefined) throw new InputError(message.unknownColumn(name, names), { file: this.source });
      if (this.slots[i] >= 0) throw new InputError(message.duplicateRequest(name), { file: this.source });
      this.slots[i] = j;
    });
    this.starts = new Int32Array(projection.length);
    this.ends = new Int32Array(projection.length);
    this.flags = new Int32Array(projection.length);
    if (this.onRow !== null) this.out = new Array<string>(projection.length).fill('');
    this.options.onHeader?.(names.slice());
  }
}

/**
 * The text of bytes [from, to): `bits` is the OR of the bytes, so `bits < 0x80`
 * means pure ASCII, which decodes faster as Latin-1 (identical for ASCII).
 */
function decodeField(buf: Buffer, from: number, to: number, bits: number): string {
  const length = to - from;
  if (length === 0) return '';
  if (bits >= 0x80) return buf.toString('utf8', from, to);
  if (length === 1) return ONE_CHAR[buf[from]];
  if (length === 2) {
    const key = (buf[from] << 7) | buf[from + 1];
    return (TWO_CHARS[key] ??= String.fromCharCode(buf[from], buf[from + 1]));
  }
  return (buf as LatinSlicer).latin1Slice(from, to);
}

function countLineFeeds(buf: Buffer, from: number, to: number): number {
  let n = 0;
  for (let i = buf.indexOf(LF, from); i >= 0 && i < to; i = buf.indexOf(LF, i + 1)) n++;
  return n;
}
