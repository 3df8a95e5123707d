import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsv, parseCsvRecords, streamCsvRecords } from './csv.js';
import { message } from './messages.js';

const dir = mkdtempSync(join(tmpdir(), 'persona-csv-records-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function chunked(text: string | Buffer, chunkSize?: number): Buffer[] {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  const size = chunkSize ?? bytes.length;
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return chunks;
}

/**
 * Parses `text` into records; per record and field: the raw bytes of the
 * range (as a Latin-1/UTF-8 string) and `text(j)`, copied inside the callback.
 */
async function records(text: string | Buffer, options: { columns?: string[]; chunkSize?: number } = {}) {
  const raw: string[][] = [];
  const texts: string[][] = [];
  const lines: number[] = [];
  const result = await parseCsvRecords(chunked(text, options.chunkSize), 'test.csv', {
    columns: options.columns,
    onRecord: (record, line) => {
      const n = record.starts.length;
      raw.push(Array.from({ length: n }, (_, j) => Buffer.from(record.bytes.subarray(record.starts[j], record.ends[j])).toString('utf8')));
      texts.push(Array.from({ length: n }, (_, j) => record.text(j)));
      lines.push(line);
    },
  });
  return { raw, texts, lines, nRows: result.nRows, names: result.names };
}

describe('parseCsvRecords (byte ranges of RFC 4180 fields)', () => {
  // Expected values are read off RFC 4180 section 2 rules 5–7: a quoted field's
  // content lies between the quotes; "" inside stands for one quote.
  it('gives the content range of quoted fields, undoing doubled quotes only in text()', async () => {
    const text = 'a,b,c\r\n"x, y","say ""hi""","two\r\nlines"\r\n1,,"7"\r\n';
    const { raw, texts, lines, nRows } = await records(text);
    expect(raw).toEqual([['x, y', 'say ""hi""', 'two\r\nlines'], ['1', '', '7']]);
    expect(texts).toEqual([['x, y', 'say "hi"', 'two\r\nlines'], ['1', '', '7']]);
    expect(lines).toEqual([2, 4]);
    expect(nRows).toBe(2);
  });

  it('excludes CR and LF of CRLF line ends from the last field, also when a chunk ends between them', async () => {
    const { raw } = await records('n,v\r\n12,345\r\n6,78\r\n', { chunkSize: 1 });
    expect(raw).toEqual([['12', '345'], ['6', '78']]);
  });

  it('projects columns in the requested order', async () => {
    const { raw, texts } = await records('a,b,c,d\n1,2,3,4\n5,"6,6",7,8\n', { columns: ['d', 'b'] });
    expect(raw).toEqual([['4', '2'], ['8', '6,6']]);
    expect(texts).toEqual(raw);
  });

  it('decodes UTF-8 in text() for quoted and unquoted fields', async () => {
    const { texts } = await records('a,b\né,"Zoë ""Z"" Ünal"\n', { chunkSize: 3 });
    expect(texts).toEqual([['é', 'Zoë "Z" Ünal']]);
  });

  it('agrees with parseCsv field for field whatever the chunk boundaries (property)', async () => {
    // Oracle: parseCsv, whose RFC 4180 behaviour is tested in csv.test.ts.
    const field = fc.string({ unit: fc.constantFrom('a', 'é', ',', '"', '\n', '\r\n', ' ', '1'), maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(field, field), { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 7 }), fc.boolean(), async (rows, chunkSize, crlf) => {
        const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
        const eol = crlf ? '\r\n' : '\n';
        const text = `p,q${eol}${rows.map(([p, q]) => `${quote(p)},${quote(q)}`).join(eol)}${eol}`;
        const expected: string[][] = [];
        const expectedLines: number[] = [];
        await parseCsv(chunked(text), 'test.csv', { onRow: (f, line) => { expected.push(f.slice()); expectedLines.push(line); } });
        const { texts, lines } = await records(text, { chunkSize });
        expect(texts).toEqual(expected);
        expect(lines).toEqual(expectedLines);
      }),
      { numRuns: 200 },
    );
  });

  it('reports bad input with the same messages and lines as parseCsv', async () => {
    await expect(records('a,b\n1,2\n3\n', { chunkSize: 2 })).rejects.toThrow(`test.csv:3: ${message.raggedRow(3, 1, 2)}`);
    await expect(records('a,b\n1,"open\n')).rejects.toThrow(`test.csv:2: ${message.unterminatedQuote(2)}`);
    await expect(records('a,b\n1,x"y\n')).rejects.toThrow(`test.csv:2: ${message.quoteInUnquotedField()}`);
    await expect(records('a,b\n1,2\n', { columns: ['c'] })).rejects.toThrow('Unrecognized column: c (the file has: a, b)');
  });
});

describe('streamCsvRecords on files', () => {
  it('reads a gzip file exactly like the plain file it holds, and names a missing file', async () => {
    const text = 'id,name\r\n1,"Ana, María"\r\n2,Bo\r\n';
    writeFileSync(join(dir, 'p.csv'), text);
    writeFileSync(join(dir, 'p.csv.gz'), gzipSync(Buffer.from(text)));
    const read = async (file: string) => {
      const rows: string[][] = [];
      const result = await streamCsvRecords(join(dir, file), { onRecord: (r) => rows.push([r.text(0), r.text(1)]) });
      return { rows, result };
    };
    const plain = await read('p.csv');
    expect(plain.rows).toEqual([['1', 'Ana, María'], ['2', 'Bo']]);
    expect(plain.result).toEqual({ names: ['id', 'name'], nRows: 2 });
    expect(await read('p.csv.gz')).toEqual(plain);
    await expect(streamCsvRecords(join(dir, 'nope.csv'), { onRecord: () => undefined })).rejects.toThrow(/nope\.csv: cannot read the file: no such file/);
  });
});
