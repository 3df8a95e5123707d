import { randomBytes } from 'node:crypto';
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { message } from './messages.js';

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
 * as npm's `write-file-atomic` does. On failure the temporary file is removed.
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
 * `commit()` resolves, `path` keeps its previous content.
 */
export class AtomicFileWriter {
  private buffered: Buffer[] = [];
  private bufferedBytes = 0;
  private done = false;

  private constructor(
    readonly path: string,
    private readonly temporary: string,
    private readonly handle: FileHandle,
  ) {}

  /** Opens a temporary file beside `path`. */
  static async open(path: string): Promise<AtomicFileWriter> {
    const temporary = temporaryPath(path);
    const handle = await open(temporary, 'wx', 0o644);
    return new AtomicFileWriter(path, temporary, handle);
  }

  /** Appends text (UTF-8) or bytes. */
  async write(data: string | Uint8Array): Promise<void> {
    if (this.done) throw new Error(message.writerClosed('write', this.path));
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    this.buffered.push(bytes);
    this.bufferedBytes += bytes.length;
    if (this.bufferedBytes >= 1 << 20) await this.flush();
  }

  /** Writes what is buffered, fsyncs, and renames the temporary file to `path`. */
  async commit(): Promise<void> {
    if (this.done) throw new Error(message.writerClosed('commit', this.path));
    try {
      await this.flush();
      await this.handle.sync();
      await this.handle.close();
      this.done = true;
      await rename(this.temporary, this.path);
    } catch (error) {
      await this.abort();
      throw error;
    }
    await syncDirectory(dirname(this.path));
  }

  /** Discards the temporary file; `path` is left untouched. */
  async abort(): Promise<void> {
    if (!this.done) {
      this.done = true;
      await this.handle.close().catch(() => undefined);
    }
    await unlink(this.temporary).catch(() => undefined);
  }

  private async flush(): Promise<void> {
    if (this.bufferedBytes === 0) return;
    const data = Buffer.concat(this.buffered, this.bufferedBytes);
    this.buffered = [];
    this.bufferedBytes = 0;
    await this.handle.writeFile(data);
  }
}
