import { describe, expect, it } from 'vitest';
import { InputError } from '@persona/core';
import { message } from '../messages.js';
import { formatOfPath } from './write-personas.js';

describe('formatOfPath', () => {
  it('maps each ending of persona generate --out to its format, whatever its case', () => {
    // Oracle: the endings documented by `persona generate --help` (--out: .jsonl, .csv, .parquet).
    expect(['p.jsonl', 'P.CSV', 'dir.v2/p.Parquet'].map(formatOfPath)).toEqual(['jsonl', 'csv', 'parquet']);
  });

  it('rejects any other ending, listing every accepted one, instead of writing JSON lines under it', () => {
    // Used to map every unknown ending (.xml, .txt, .jsonl.gz) silently to jsonl.
    for (const path of ['p.xml', 'p.txt', 'p.jsonl.gz', 'p']) {
      expect(() => formatOfPath(path)).toThrow(InputError);
      expect(() => formatOfPath(path)).toThrow(message.outExtensionUnknown(path, ['.jsonl', '.csv', '.parquet'], ['.jsonl', '.csv', '.txt']));
    }
    // The list as the user reads it (generate --help: .txt only with --format persona-hf).
    expect(message.outExtensionUnknown('p.xml', ['.jsonl', '.csv', '.parquet'], ['.jsonl', '.csv', '.txt'])).toBe(
      'expected an output file ending in .jsonl, .csv or .parquet (or, with --format persona-hf, .jsonl, .csv or .txt), got "p.xml"',
    );
  });
});
