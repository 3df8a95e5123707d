import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { coreMessage, InputError } from '@persona/core';
import { message } from '../messages.js';

/** Where a JSON record sits: its 1-based line (JSON Lines) or its 0-based index (a JSON array). */
export type RecordLocation = { line: number } | { index: number };

/**
 * Streams the JSON objects of a `.jsonl`/`.ndjson` file (one object per line, blank lines
 * skipped, a UTF-8 BOM ignored) or of a `.json` file holding an array of objects, each
 * optionally gzipped (`.gz`), to `onRecord` with its location. Unlike the column tables of
 * `@persona/core`'s `readTable`, a record keeps its own keys, so a key set to null is told
 * apart from a key that is absent, and an unknown key is reported on its own line.
 * @throws {InputError} (core's messages) for an unreadable file, invalid JSON, or a record
 *   that is not an object.
 */
export async function streamJsonRecords(path: string, onRecord: (record: Record<string, unknown>, where: RecordLocation) => void): Promise<void> {
  const lower = path.toLowerCase();
  const gzip = lower.endsWith('.gz');
  const array = /\.json(\.gz)?$/.test(lower);
  const open = (): Readable => {
    const file = createReadStream(path);
    return gzip ? file.pipe(createGunzip()).on('close', () => file.destroy()) : file;
  };
  const take = (record: unknown, where: RecordLocation) => {
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
      const what = record === null ? 'null' : Array.isArray(record) ? 'an array' : typeof record;
      throw new InputError(coreMessage.notAnObject(what), { file: path, ...where });
    }
    onRecord(record as Record<string, unknown>, where);
  };
  const stream = open();
  try {
    if (array) {
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      let data: unknown;
      try {
        data = JSON.parse(Buffer.concat(chunks).toString('utf8').replace(/^\uFEFF/, ''));
      } catch (error) {
        throw new InputError(coreMessage.invalidJsonLine((error as Error).message), { file: path });
      }
      if (!Array.isArray(data)) throw new InputError(coreMessage.notAnArrayOfObjects(), { file: path });
      data.forEach((record, index) => take(record, { index }));
      return;
    }
    const decoder = new TextDecoder('utf-8');
    let rest = '';
    let line = 0;
    const parseLine = (text: string) => {
      line++;
      const trimmed = (line === 1 ? text.replace(/^\uFEFF/, '') : text).trim();
      if (trimmed === '') return;
      let record: unknown;
      try {
        record = JSON.parse(trimmed);
      } catch (error) {
        throw new InputError(coreMessage.invalidJsonLine((error as Error).message), { file: path, line });
      }
      take(record, { line });
    };
    for await (const chunk of stream) {
      const lines = (rest + decoder.decode(chunk as Buffer, { stream: true })).split('\n');
      rest = lines.pop()!;
      for (const text of lines) parseLine(text);
    }
    parseLine(rest + decoder.decode());
  } catch (error) {
    stream.destroy();
    if (error instanceof InputError) throw error;
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string') throw new InputError(coreMessage.cannotRead(message.fileErrorDetail(code, (error as Error).message)), { file: path });
    throw error;
  }
}
