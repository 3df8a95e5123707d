import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

/** Read size for input files: large chunks keep the per-chunk overhead of the parsers negligible. */
const CHUNK_BYTES = 1 << 20;

/** True when `path` names a gzip file (`.gz`, e.g. `people.csv.gz`). */
export function isGzipPath(path: string): boolean {
  return path.toLowerCase().endsWith('.gz');
}

/** The extension that decides a file's format, with any `.gz` removed: `a.csv.gz` → `.csv`. */
export function formatExtension(path: string): string {
  const name = path.toLowerCase().replace(/\.gz$/, '');
  const dot = name.lastIndexOf('.');
  const slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
  return dot > slash ? name.slice(dot) : '';
}

/**
 * A byte stream of the file's content: gzip files (`*.gz`) are decompressed on
 * the fly through zlib, so a `.csv.gz` reads exactly like the `.csv` it holds.
 */
export function openInputStream(path: string): Readable {
  const raw = createReadStream(path, { highWaterMark: CHUNK_BYTES });
  if (!isGzipPath(path)) return raw;
  const gunzip = createGunzip({ chunkSize: CHUNK_BYTES });
  raw.on('error', (error) => gunzip.destroy(error));
  return raw.pipe(gunzip);
}
