import { writeLinesAtomic } from '@persona/core';
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
  await writingOutput(path, field, async () => {
    await writeLinesAtomic(path, weightLines(weights));
  });
}

function* weightLines(weights: ArrayLike<number>): Generator<string> {
  yield 'row,weight\n';
  for (let i = 0; i < weights.length; i++) yield `${i},${weights[i]}\n`;
}
