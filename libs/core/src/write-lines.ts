import { AtomicFileWriter } from './atomic-write.js';

/**
 * Writes `lines` (each ending in its own "\n") to `path`, joined into blocks
 * of about 1 MB (one Buffer per block, not per line) through
 * {@link AtomicFileWriter}: the file appears complete or not at all (symbolic
 * links are followed; a FIFO or device such as /dev/stdout is written in
 * place, see `resolveWriteTarget`).
 * @returns the number of lines written.
 */
export async function writeLinesAtomic(path: string, lines: Iterable<string>): Promise<number> {
  const writer = await AtomicFileWriter.open(path);
  let count = 0;
  try {
    let block = '';
    for (const line of lines) {
      block += line;
      count++;
      if (block.length > 1 << 20) {
        await writer.write(block);
        block = '';
      }
    }
    await writer.write(block);
  } catch (error) {
    await writer.abort();
    throw error;
  }
  await writer.commit();
  return count;
}
