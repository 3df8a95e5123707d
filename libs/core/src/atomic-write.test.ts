import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AtomicFileWriter, resolveWriteTarget, writeFileAtomic } from './atomic-write.js';
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

  // Regression (review finding 2): a symlink given as the output used to be replaced by a regular file, its target left stale.
  it('writes through a symbolic link: the target is replaced, the link stays a link', async () => {
    const real = join(dir, 'real');
    const links = join(dir, 'links');
    mkdirSync(real);
    mkdirSync(links);
    writeFileSync(join(real, 'target.csv'), 'old');
    symlinkSync('../real/target.csv', join(links, 'hop.csv'));
    symlinkSync('hop.csv', join(links, 'link.csv')); // link → link → file
    await writeFileAtomic(join(links, 'link.csv'), 'new\n');
    expect(readFileSync(join(real, 'target.csv'), 'utf8')).toBe('new\n');
    expect(lstatSync(join(links, 'link.csv')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(links, 'link.csv'))).toBe('hop.csv');
    expect(lstatSync(join(links, 'hop.csv')).isSymbolicLink()).toBe(true);
    // The temporary file was made beside the real target (rename cannot cross directories) and is gone.
    expect(readdirSync(real)).toEqual(['target.csv']);
    expect(readdirSync(links).sort()).toEqual(['hop.csv', 'link.csv']);
  });

  it('creates the file a dangling symbolic link names', async () => {
    const link = join(dir, 'dangling.csv');
    symlinkSync('created-by-link.csv', link);
    await writeFileAtomic(link, 'x');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'created-by-link.csv'), 'utf8')).toBe('x');
  });

  it('keeps the permission bits of the file it replaces', async () => {
    const path = join(dir, 'private.csv');
    writeFileSync(path, 'old');
    chmodSync(path, 0o600);
    await writeFileAtomic(path, 'new');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'utf8')).toBe('new');
  });

  it('writes a FIFO in place (as a shell redirection does) instead of replacing it', async () => {
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const link = join(dir, 'pipe-link');
    symlinkSync('pipe', link);
    expect(await resolveWriteTarget(link)).toEqual({ kind: 'special', path: link });
    const reader = spawn('cat', [fifo], { stdio: ['ignore', 'pipe', 'inherit'] });
    let received = '';
    reader.stdout.setEncoding('utf8').on('data', (chunk: string) => (received += chunk));
    const closed = new Promise((resolve) => reader.on('close', resolve));
    const writer = await AtomicFileWriter.open(link);
    await writer.write('a,b\n');
    await writer.write(new Uint8Array(2 << 20).fill(0x31)); // more than one buffer flush
    await writer.commit();
    await closed;
    expect(received).toBe('a,b\n' + '1'.repeat(2 << 20));
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('writes /dev/null in place and leaves the device node alone', async () => {
    expect(await resolveWriteTarget('/dev/null')).toEqual({ kind: 'special', path: '/dev/null' });
    await writeFileAtomic('/dev/null', 'discarded');
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(readFileSync('/dev/null', 'utf8')).toBe('');
  });

  it('names the standard streams by their usual paths (written through the process, never replaced)', async () => {
    for (const path of ['/dev/stdout', '/dev/fd/1', '/proc/self/fd/1']) expect(await resolveWriteTarget(path)).toEqual({ kind: 'stdout', path });
    for (const path of ['/dev/stderr', '/dev/fd/2', '/proc/self/fd/2']) expect(await resolveWriteTarget(path)).toEqual({ kind: 'stderr', path });
  });

  it('describes a regular file by its real path and mode, and a new file by its path', async () => {
    const path = join(dir, 'described.csv');
    writeFileSync(path, '');
    chmodSync(path, 0o640);
    symlinkSync('described.csv', join(dir, 'described-link.csv'));
    expect(await resolveWriteTarget(join(dir, 'described-link.csv'))).toEqual({ kind: 'file', path: realpathSync(path), mode: 0o640 });
    expect(await resolveWriteTarget(join(dir, 'new.csv'))).toEqual({ kind: 'file', path: resolve(dir, 'new.csv') });
  });
});
