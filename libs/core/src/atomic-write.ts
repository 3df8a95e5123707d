import { randomBytes } from 'node:crypto';
import { lstat, open, readlink, realpath, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { message } from './messages.js';

/** Symbolic links followed before giving up, as Linux's MAXSYMLINKS (40). */
const MAX_SYMLINKS = 40;

/** The names of the standard output and error streams: `/dev/stdout`, `/dev/fd/1`, `/proc/self/fd/1` (and 2). */
const STANDARD_STREAM = /^\/(?:dev\/std(out|err)|dev\/fd\/([12])|proc\/self\/fd\/([12]))$/;

/**
 * Where a write to `path` lands.
 * - `file`: a regular file, or nothing yet: written atomically (temporary file
 *   beside `path`, then rename). `path` is the real location: symbolic links
 *   are followed (`realpath`, as npm's `write-file-atomic`; a dangling link
 *   leads to the file it names), so the link stays a link.
 * - `special`: an existing FIFO, character or block device, or socket
 *   (`/dev/null`, a named pipe): written in place, as a shell's `>` does — a
 *   rename would replace the device node or pipe with a regular file.
 * - `stdout` / `stderr`: `/dev/stdout`, `/dev/fd/1`, `/proc/self/fd/1` (or 2):
 *   written to the process's own stream, in order with what else it prints,
 *   whatever stdout is (a terminal, a pipe, or a file the shell redirected to,
 *   which must be neither replaced nor reopened at offset 0).
 */
export interface WriteTarget {
  readonly kind: 'file' | 'special' | 'stdout' | 'stderr';
  readonly path: string;
  /** Permission bits of the regular file being replaced (kept by the new file). */
  readonly mode?: number;
}

/** Where a write to `path` lands (see {@link WriteTarget}). @throws the file system's error (ELOOP, EACCES, …). */
export async function resolveWriteTarget(path: string): Promise<WriteTarget> {
  const stream = STANDARD_STREAM.exec(resolve(path));
  if (stream !== null) return { kind: stream[1] === 'out' || (stream[2] ?? stream[3]) === '1' ? 'stdout' : 'stderr', path };
  const target = await stat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (target !== undefined && !target.isFile()) {
    // A directory is left to `open`, which fails with EISDIR; any other non-regular file is written in place.
    return { kind: target.isDirectory() ? 'file' : 'special', path };
  }
  if (target !== undefined) return { kind: 'file', path: await realpath(path), mode: target.mode & 0o7777 };
  return { kind: 'file', path: await danglingTarget(path) };
}

/** The path a missing file or a dangling symbolic link chain finally names. */
async function danglingTarget(path: string): Promise<string> {
  let current = resolve(path);
  // A loop cannot reach here (stat reports ELOOP, not ENOENT); the bound only guards against links changing meanwhile.
  for (let hops = 0; hops < MAX_SYMLINKS; hops++) {
    const link = await lstat(current).catch(() => undefined);
    if (link === undefined || !link.isSymbolicLink()) break;
    current = resolve(dirname(current), await readlink(current));
  }
  return current;
}

/** A temporary name beside `path` (same directory, so the final rename is atomic). */
function temporaryPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Flushes a directory entry so a completed rename survives a crash (best effort: not every platform can fsync a directory). */
async function syncDirectory(directory: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(directory, 'r');
    await handle.sync();
  } catch {
    // Windows and some file systems refuse to open or fsync a directory; the rename itself is still atomic.
  } finally {
    await handle?.close();
  }
}

/**
 * Writes `data` to `path` so that readers see either the old file or the
 * complete new one, never a half-written file: write a temporary file in the
 * same directory, fsync it, rename it over `path` (POSIX rename is atomic),
 * as npm's `write-file-atomic` does. Symbolic links are followed (the file
 * they name is replaced, the link stays); a FIFO, a device or the standard
 * output (`/dev/stdout`) is written in place, not atomically (see
 * {@link resolveWriteTarget}). On
 * failure the temporary file is removed.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const writer = await AtomicFileWriter.open(path);
  try {
    await writer.write(data);
  } catch (error) {
    await writer.abort();
    throw error;
  }
  await writer.commit();
}

/**
 * A streaming atomic write: `write` chunks (buffered into large writes), then
 * `commit()` to fsync and rename into place, or `abort()` to discard. Until
 * `commit()` resolves, `path` keeps its previous content. Symbolic links are
 * followed; a FIFO, a device or the standard output is written in place as the
 * chunks are flushed, so there `abort()` cannot take back what was already
 * written (see {@link resolveWriteTarget}).
 */
export class AtomicFileWriter {
  private buffered: Buffer[] = [];
  private bufferedBytes = 0;
  private done = false;

  private constructor(
    readonly path: string,
    /** Where the bytes go: an open file, or the process's stdout/stderr stream. */
    private readonly sink: FileHandle | NodeJS.WriteStream,
    /** The temporary file and the target it is renamed to on commit; undefined when writing in place. */
    private readonly replace?: { readonly temporary: string; readonly target: string },
  ) {}

  /** Opens a temporary file beside the real target of `path` (or, for a FIFO, device or standard stream, the target itself). */
  static async open(path: string): Promise<AtomicFileWriter> {
    const target = await resolveWriteTarget(path);
    if (target.kind === 'stdout') return new AtomicFileWriter(path, process.stdout);
    if (target.kind === 'stderr') return new AtomicFileWriter(path, process.stderr);
    if (target.kind === 'special') return new AtomicFileWriter(path, await open(target.path, 'w'));
    const temporary = temporaryPath(target.path);
    const handle = await open(temporary, 'wx', 0o644);
    try {
      if (target.mode !== undefined) await handle.chmod(target.mode);
    } catch (error) {
      await handle.close();
      await unlink(temporary).catch(() => undefined);
      throw error;
    }
    return new AtomicFileWriter(path, handle, { temporary, target: target.path });
  }

  /** Appends text (UTF-8) or bytes. */
  async write(data: string | Uint8Array): Promise<void> {
    if (this.done) throw new Error(message.writerClosed('write', this.path));
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    this.buffered.push(bytes);
    this.bufferedBytes += bytes.length;
    if (this.bufferedBytes >= 1 << 20) await this.flush();
  }

  /** Writes what is buffered, fsyncs, and renames the temporary file over the target (a file written in place is just closed). */
  async commit(): Promise<void> {
    if (this.done) throw new Error(message.writerClosed('commit', this.path));
    try {
      await this.flush();
      if (this.replace !== undefined) await (this.sink as FileHandle).sync();
      await this.close();
      this.done = true;
      if (this.replace !== undefined) await rename(this.replace.temporary, this.replace.target);
    } catch (error) {
      await this.abort();
      throw error;
    }
    if (this.replace !== undefined) await syncDirectory(dirname(this.replace.target));
  }

  /** Discards the temporary file; the target is left untouched (except one written in place, which keeps what was flushed). */
  async abort(): Promise<void> {
    if (!this.done) {
      this.done = true;
      await this.close().catch(() => undefined);
    }
    if (this.replace !== undefined) await unlink(this.replace.temporary).catch(() => undefined);
  }

  /** Closes an opened file; the process's standard streams stay open. */
  private async close(): Promise<void> {
    if (!isStream(this.sink)) await this.sink.close();
  }

  private async flush(): Promise<void> {
    if (this.bufferedBytes === 0) return;
    const data = Buffer.concat(this.buffered, this.bufferedBytes);
    this.buffered = [];
    this.bufferedBytes = 0;
    const sink = this.sink;
    if (isStream(sink)) await new Promise<void>((done, fail) => sink.write(data, (error) => (error ? fail(error) : done())));
    else await sink.writeFile(data);
  }
}

function isStream(sink: FileHandle | NodeJS.WriteStream): sink is NodeJS.WriteStream {
  return sink === process.stdout || sink === process.stderr;
}
