import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsv, streamCsv } from './csv.js';
import { message } from './messages.js';

const dir = mkdtempSync(join(tmpdir(), 'persona-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Parses `text` delivered in chunks of `chunkSize` bytes; returns header, rows (copied) and line numbers. */
async function parse(text: string | Buffer, options: { columns?: string[]; chunkSize?: number } = {}) {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  const size = options.chunkSize ?? bytes.length;
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  let header: string[] = [];
  const rows: string[][] = [];
  const lines: number[] = [];
  const result = await parseCsv(chunks, 'test.csv', {
    columns: options.columns,
    onHeader: (names) => { header = names; },
    onRow: (fields, line) => { rows.push(fields.slice()); lines.push(line); },
  });
  return { header, rows, lines, nRows: result.nRows };
}

describe('parseCsv (RFC 4180)', () => {
  // Expected values are read off RFC 4180 section 2 rules 5–7 (quoted fields,
  // embedded comma/CRLF, doubled quotes).
  it('reads quoted fields with embedded commas, doubled quotes and line breaks', async () => {
    const text = 'a,b,c\r\n"x, y","say ""hi""","two\r\nlines"\r\n1,,3\r\n';
    const { header, rows, lines } = await parse(text);
    expect(header).toEqual(['a', 'b', 'c']);
    expect(rows).toEqual([['x, y', 'say "hi"', 'two\r\nlines'], ['1', '', '3']]);
    // the second record starts on physical line 4 because the first spans lines 2–3
    expect(lines).toEqual([2, 4]);
  });

  it('gives the same records whatever the chunk boundaries (property)', async () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'é', ',', '"', '\n', '\r\n', ' ', '1') , maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(field, field), { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 7 }), async (records, chunkSize) => {
        // Write each record by RFC 4180 rules: quote every field, double inner quotes.
        const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;
        const text = 'p,q\n' + records.map(([p, q]) => `${quote(p)},${quote(q)}`).join('\n') + '\n';
        const { rows } = await parse(text, { chunkSize });
        expect(rows).toEqual(records.map(([p, q]) => [p, q]));
      }),
      { numRuns: 200 },
    );
  });

  it('strips a UTF-8 byte-order mark and accepts a last record without a line end', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('SEX,AGEP\n1,34\n2,"7"')]);
    const { header, rows } = await parse(bytes, { chunkSize: 2 });
    expect(header).toEqual(['SEX', 'AGEP']);
    expect(rows).toEqual([['1', '34'], ['2', '7']]);
  });

  it('delivers only the projected columns, in the requested order', async () => {
    const { rows } = await parse('a,b,c,d\n1,2,3,4\n5,"6,6",7,8\n', { columns: ['d', 'b'] });
    expect(rows).toEqual([['4', '2'], ['8', '6,6']]);
  });

  it('keeps category codes exactly as written ("01" is not "1")', async () => {
    const { rows } = await parse('HISP\n01\n1\n');
    expect(rows).toEqual([['01'], ['1']]);
  });

  it('decodes unquoted UTF-8 and short ASCII fields alike (1, 2 and more bytes)', async () => {
    const { rows } = await parse('a,b,c,d\né,ab,x,Zoë Ünal\n12,7,abc,ñ\n', { chunkSize: 3 });
    expect(rows).toEqual([['é', 'ab', 'x', 'Zoë Ünal'], ['12', '7', 'abc', 'ñ']]);
  });

  it('skips blank lines but keeps physical line numbers', async () => {
    const { rows, lines } = await parse('a,b\n\n1,2\r\n\r\n3,4\n');
    expect(rows).toEqual([['1', '2'], ['3', '4']]);
    expect(lines).toEqual([3, 5]);
  });
});

describe('parseCsv bad input', () => {
  it('names the line of a ragged row and both field counts', async () => {
    const text = 'a,b,c,d,e,f\n' + '1,2,3,4,5,6\n'.repeat(5) + '1,2,3,4,5\n';
    await expect(parse(text, { chunkSize: 5 })).rejects.toThrow(`test.csv:7: ${message.raggedRow(7, 5, 6)}`);
    expect(message.raggedRow(7, 5, 6)).toBe('line 7 has 5 fields, the header has 6');
  });

  it('counts lines inside quoted fields when naming a ragged row', async () => {
    await expect(parse('a,b\n"x\ny",2\n3\n')).rejects.toThrow(`test.csv:4: ${message.raggedRow(4, 1, 2)}`);
  });

  it('names the line where an unterminated quote opened', async () => {
    await expect(parse('a,b\n1,2\n3,"open\nmore\nstill open\n')).rejects.toThrow(`test.csv:3: ${message.unterminatedQuote(3)}`);
  });

  it('rejects an empty file, a duplicate header name, a stray quote and an unknown projected column', async () => {
    await expect(parse('')).rejects.toThrow(message.emptyFile());
    await expect(parse('\n\n')).rejects.toThrow(message.emptyFile());
    await expect(parse('a,b,a\n1,2,3\n')).rejects.toThrow(message.duplicateColumn('a'));
    await expect(parse('a,b\n1,x"y\n')).rejects.toThrow(`test.csv:2: ${message.quoteInUnquotedField()}`);
    await expect(parse('a,b\n"1"x,2\n')).rejects.toThrow(`test.csv:2: ${message.charAfterQuote()}`);
    await expect(parse('a,b\n1,2\n', { columns: ['c'] })).rejects.toThrow('Unrecognized column: c (the file has: a, b)');
  });
});

describe('streamCsv on files', () => {
  it('reads a gzip file exactly like the plain file it holds', async () => {
    const text = 'id,name\n1,"Ana, María"\n2,"Bo ""B"""\n';
    writeFileSync(join(dir, 'p.csv'), text);
    writeFileSync(join(dir, 'p.csv.gz'), gzipSync(Buffer.from(text)));
    const read = async (file: string) => {
      const rows: string[][] = [];
      const result = await streamCsv(join(dir, file), { onRow: (f) => rows.push(f.slice()) });
      return { rows, result };
    };
    const plain = await read('p.csv');
    expect(plain.rows).toEqual([['1', 'Ana, María'], ['2', 'Bo "B"']]);
    expect(await read('p.csv.gz')).toEqual(plain);
  });

  it('reports a missing file as bad input naming it', async () => {
    await expect(streamCsv(join(dir, 'nope.csv'), { onRow: () => undefined })).rejects.toThrow(/nope\.csv: cannot read the file: no such file/);
  });
});

describe('streamCsv I/O errors', () => {
  it('reports a corrupt gzip file as bad input, and lets a consumer\'s own error through unchanged', async () => {
    writeFileSync(join(dir, 'bad.csv.gz'), Buffer.from('not gzip at all'));
    await expect(streamCsv(join(dir, 'bad.csv.gz'), { onRow: () => undefined })).rejects.toThrow(/bad\.csv\.gz: cannot read the file: incorrect header check/);
    writeFileSync(join(dir, 'ok.csv'), 'a\n1\n');
    const bug = new TypeError('consumer bug');
    await expect(streamCsv(join(dir, 'ok.csv'), { onRow: () => { throw bug; } })).rejects.toBe(bug);
  });
});
