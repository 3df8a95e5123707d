import { AtomicFileWriter } from '@persona/core';
import { writingOutput } from './output-file.js';

/**
 * Writes weights as the CSV of CONTRACTS.md `persona rake --out`: columns
 * `row,weight`, row 0-based, weights in JavaScript's shortest round-trip
 * decimal form (so reading them back gives the same doubles). Atomic: the
 * file appears complete or not at all (symbolic links are followed; a FIFO or
 * device such as /dev/stdout is written in place, see `resolveWriteTarget`).
 * @throws {InputError} naming `path` and `field` when the file cannot be written.
 */
export async function writeWeightsCsv(path: string, weights: ArrayLike<number>, field = '--out'): Promise<void> {
  await writingOutput(path, field, () => writeWeights(path, weights));
}

async function writeWeights(path: string, weights: ArrayLike<number>): Promise<void> {
  const writer = await AtomicFileWriter.open(path);
  try {
    await writer.write('row,weight\n');
    let block = '';
    for (let i = 0; i < weights.length; i++) {
      block += `${i},${weights[i]}\n`;
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
}
