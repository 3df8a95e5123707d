import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeLinesAtomic } from './write-lines.js';

const dir = mkdtempSync(join(tmpdir(), 'persona-lines-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeLinesAtomic', () => {
  it('writes the lines in order across 1 MB blocks and returns their count', async () => {
    // Oracle: the same lines joined in memory; 200,000 lines of ~12 bytes span several blocks.
    const lines = Array.from({ length: 200_000 }, (_, i) => `line ${i}\n`);
    const path = join(dir, 'lines.txt');
    expect(await writeLinesAtomic(path, lines)).toBe(200_000);
    expect(readFileSync(path, 'utf8')).toBe(lines.join(''));
  });

  it('leaves an existing file untouched and no temporary file when the lines fail midway', async () => {
    const path = join(dir, 'kept.txt');
    writeFileSync(path, 'before\n');
    function* failing(): Generator<string> {
      for (let i = 0; i < 300_000; i++) yield `row ${i}\n`;
      throw new Error('source failed');
    }
    await expect(writeLinesAtomic(path, failing())).rejects.toThrow('source failed');
    expect(readFileSync(path, 'utf8')).toBe('before\n');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]); // temporaries are .kept.txt.<pid>.<hex>.tmp
  });
});
