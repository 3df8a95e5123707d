import { InputError } from '@persona/core';
import { describe, expect, it } from 'vitest';
import { approxEqual } from '../../test/approx-equal.js';
import { readModelFixture, winnerLoserComparisons } from '../../test/model-fixtures.js';
import { message } from '../messages.js';
import { thurstoneMosteller } from './thurstone-mosteller.js';

interface Case {
  name: string;
  items: string[];
  winner: string[];
  loser: string[];
  count: number[];
  strength: number[];
  se: number[];
  logLik: number;
}
const fixture = readModelFixture<Record<'citations' | 'simulated', Case>>('thurstone.json');

describe('thurstoneMosteller', () => {
  for (const key of ['citations', 'simulated'] as const) {
    it(`matches R glm(binomial(link = "probit")) on ${fixture[key].name}`, () => {
      const c = fixture[key];
      const fit = thurstoneMosteller(winnerLoserComparisons(c.items, c.winner, c.loser, c.count));
      expect(fit.converged).toBe(true);
      c.items.forEach((_, i) => {
        // oracle: make-fixtures.R, glm probit on the difference design (cross-checked there
        // against BradleyTerry2::BTm(family = binomial(link = "probit"))), centred to mean zero
        approxEqual(fit.strength[i], c.strength[i], 1e-6);
        approxEqual(fit.se[i], c.se[i], 1e-6);
      });
      approxEqual(fit.logLik, c.logLik, 1e-9);
    });
  }

  it('ignores positions: swapping first and second with the outcome flipped gives the same fit', () => {
    const c = fixture.simulated;
    const base = winnerLoserComparisons(c.items, c.winner, c.loser, c.count);
    const swapped = { ...base, first: base.second, second: base.first, outcome: new Uint8Array(base.first.length).fill(1) };
    const a = thurstoneMosteller(base);
    const b = thurstoneMosteller(swapped);
    // closed form: the likelihood depends only on who beat whom
    c.items.forEach((_, i) => approxEqual(b.strength[i], a.strength[i], 1e-12));
  });

  it('rejects empty comparisons, ties, and a graph that is not strongly connected', () => {
    const empty = winnerLoserComparisons(['a', 'b'], [], []);
    expect(() => thurstoneMosteller(empty)).toThrow(InputError);
    expect(() => thurstoneMosteller(empty)).toThrow(message.modelNoComparisons('Thurstone–Mosteller'));
    const tie = { ...winnerLoserComparisons(['a', 'b'], ['a', 'b'], ['b', 'a']), outcome: Uint8Array.of(0, 2) };
    expect(() => thurstoneMosteller(tie)).toThrow(message.modelTiesNotModelled('Thurstone–Mosteller'));
    // c only ever loses: no finite MLE
    const chain = winnerLoserComparisons(['a', 'b', 'c'], ['a', 'b', 'a'], ['b', 'a', 'c']);
    expect(() => thurstoneMosteller(chain)).toThrow(message.modelNotIdentified('Thurstone–Mosteller', ['c']));
  });
});
