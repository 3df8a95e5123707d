import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AtomicFileWriter, writeFileAtomic } from './atomic-write.js';
import { message } from './messages.js';

const dir = mkdtempSync(join(tmpdir(), 'persona-atomic-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('atomic writes', () => {
  it('replaces a file and leaves no temporary file behind', async () => {
    const path = join(dir, 'w.csv');
    writeFileSync(path, 'old');
    await writeFileAtomic(path, 'row,weight\n0,1.5\n');
    expect(readFileSync(path, 'utf8')).toBe('row,weight\n0,1.5\n');
    expect(readdirSync(dir)).toEqual(['w.csv']);
  });

  it('keeps the previous content until commit, and after abort', async () => {
    const path = join(dir, 's.csv');
    writeFileSync(path, 'previous');
    const writer = await AtomicFileWriter.open(path);
    await writer.write('a,');
    await writer.write(new Uint8Array(2 << 20).fill(0x31)); // more than one buffer flush
    expect(readFileSync(path, 'utf8')).toBe('previous');
    await writer.abort();
    expect(readFileSync(path, 'utf8')).toBe('previous');
    await expect(writer.write('late')).rejects.toThrow(message.writerClosed('write', path));
    await expect(writer.commit()).rejects.toThrow(message.writerClosed('commit', path));
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const second = await AtomicFileWriter.open(path);
    await second.write('x');
    await second.write('y');
    await second.commit();
    expect(readFileSync(path, 'utf8')).toBe('xy');
  });

  it('fails without touching anything when the directory does not exist', async () => {
    await expect(writeFileAtomic(join(dir, 'missing', 'f.txt'), 'x')).rejects.toThrow(/ENOENT/);
  });
});
