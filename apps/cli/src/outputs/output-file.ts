import { stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { InputError, resolveWriteTarget, type WriteTarget } from '@persona/core';
import { message } from '../messages.js';

/** File-system error codes that mean "this output path cannot be written" — the user's input, not a bug. */
const OUTPUT_ERROR_CODES = new Set(['ENOENT', 'EISDIR', 'EACCES', 'EPERM', 'ENOTDIR', 'EROFS', 'ENOSPC', 'EEXIST', 'ELOOP']);

/** Whether `error` is a Node.js system error (`NodeJS.ErrnoException`) with one of the codes above. */
function isOutputError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && OUTPUT_ERROR_CODES.has((error as NodeJS.ErrnoException).code!);
}

/**
 * Runs an output write; an I/O failure of the kind a user causes (missing
 * directory, a directory given as the file, no permission, read-only or full
 * disk) becomes an {@link InputError} naming `path` and `field` (exit 2),
 * instead of an uncaught Node.js error. Other errors pass through.
 */
export async function writingOutput<T>(path: string, field: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isOutputError(error)) throw new InputError(message.outputUnwritable(error.code!), { file: path, field });
    throw error;
  }
}

/**
 * Checks, before any long computation, that `path` can be an output file: the
 * directory of its real target (symbolic links followed, as the atomic write
 * does) exists and is a directory, and the target is not a directory. An
 * existing FIFO or device (`/dev/stdout`) passes: it is written in place.
 * (Permission and disk-space failures can only show when writing; `writingOutput` maps those.)
 * @returns where the writes land (`resolveWriteTarget`): `stdout` when `path`
 *   names the process's own standard output (`/dev/stdout`, `/dev/fd/1`, `/proc/self/fd/1`).
 * @throws {InputError} naming `path` and `field`.
 */
export async function checkOutputPath(path: string, field: string): Promise<WriteTarget['kind']> {
  const target = await writingOutput(path, field, () => resolveWriteTarget(path));
  if (target.kind !== 'file') return target.kind;
  const directory = await stat(dirname(target.path)).catch(() => undefined);
  if (directory === undefined) throw new InputError(message.outputUnwritable('ENOENT'), { file: path, field });
  if (!directory.isDirectory()) throw new InputError(message.outputUnwritable('ENOTDIR'), { file: path, field });
  const existing = await stat(target.path).catch(() => undefined);
  if (existing?.isDirectory()) throw new InputError(message.outputUnwritable('EISDIR'), { file: path, field });
  return target.kind;
}
