import { describe, expect, it } from 'vitest';
import { InputError } from '@persona/core';
import { approxEqual } from '../../test/approx-equal.js';
import { profileOf } from '../../test/profiles.js';
import { message } from '../messages.js';
import { antiplurality } from './antiplurality.js';
import { approval } from './approval.js';
import { borda, bordaScores } from './borda.js';
import { copeland } from './copeland.js';
import { majorityMatrix } from './majority-matrix.js';
import { maximin } from './maximin.js';
import { plurality } from './plurality.js';
import { parseProfile } from './read-profile.js';

describe('borda', () => {
  it('gives ½ per tied candidate: the votes library README example (Bear 10, Sheep 9, Lion 8)', () => {
    // lzear/votes README (npm "votes"): 4 Lion>Bear>Sheep, 3 Sheep>Bear>Lion, 2 [Bear,Sheep]>Lion
    // → { Bear: 10, Lion: 8, Sheep: 9 }, ranking Bear, Sheep, Lion.
    const p = profileOf(['Lion', 'Bear', 'Sheep'], [
      [['Lion', 'Bear', 'Sheep'], 4],
      [['Sheep', 'Bear', 'Lion'], 3],
      [[['Bear', 'Sheep'], 'Lion'], 2],
    ]);
    expect(borda(p).scores).toEqual({ Lion: 8, Bear: 10, Sheep: 9 });
    expect(borda(p).ranking).toEqual([['Bear'], ['Sheep'], ['Lion']]);
  });

  it('equals (m−1)W/2 + ½ Σ_j margin(i, j) on weak orders with truncation (closed form, CONTRACTS.md convention)', () => {
    const p = profileOf(['a', 'b', 'c', 'd'], [[['b'], 0.7], [[['a', 'c'], 'd'], 1.3], ['dcba', 2.25]]);
    const { m, margin, totalWeight } = majorityMatrix(p);
    const scores = bordaScores(p);
    for (let i = 0; i < m; i++) {
      let sum = 0;
      for (let j = 0; j < m; j++) sum += margin[i * m + j];
      approxEqual(scores[i], ((m - 1) * totalWeight) / 2 + sum / 2);
    }
  });
});

describe('plurality and antiplurality', () => {
  it('split a ballot among candidates tied first / last (hand-computed)', () => {
    // 2 [a,b] > c: a 1, b 1; 1 c > a > b: c 1. Plurality a 1, b 1, c 1 → three-way tie.
    // Last places: ballot 1 has c alone last (2), ballot 2 has b last (1). Antiplurality: a 3, b 2, c 1.
    const p = profileOf(['a', 'b', 'c'], [[[['a', 'b'], 'c'], 2], ['cab', 1]]);
    expect(plurality(p).scores).toEqual({ a: 1, b: 1, c: 1 });
    expect(plurality(p).winners).toEqual(['a', 'b', 'c']);
    expect(antiplurality(p).scores).toEqual({ a: 3, b: 2, c: 1 });
    expect(antiplurality(p).winners).toEqual(['a']);
  });

  it('treat sums equal up to rounding as ties (regression: 0.1 + 0.2 ≠ 0.3 in floating point)', () => {
    const p = profileOf(['a', 'b'], [[['a'], 0.1], [['a'], 0.2], [['b'], 0.3]]);
    expect(plurality(p).winners).toEqual(['a', 'b']);
    expect(majorityMatrix(p).margin[1]).toBe(0);
  });
});

describe('approval', () => {
  it('sums the weights of approving ballots (Brams & Fishburn 1978; hand-computed)', () => {
    const p = parseProfile({ candidates: ['a', 'b', 'c'], ballots: [{ approved: ['a', 'b'], weight: 2 }, { approved: ['c'], weight: 2.5 }, { approved: [] }] });
    expect(approval(p).scores).toEqual({ a: 2, b: 2, c: 2.5 });
    expect(approval(p).ranking).toEqual([['c'], ['a', 'b']]);
  });

  it('refuses a ballot without "approved", naming it', () => {
    const p = parseProfile({ candidates: ['a', 'b'], ballots: [{ approved: ['a'] }, { ranking: ['b'] }] });
    expect(() => approval(p)).toThrow(new InputError(message.approvalNeedsApproved(), { field: 'ballots[1].approved' }));
  });
});

describe('copeland and maximin', () => {
  it('Copeland gives ½ per pairwise tie (CONTRACTS.md; hand-computed)', () => {
    // 1 abc, 1 bac: a~b tie, a>c, b>c → a 1.5, b 1.5, c 0.
    const p = profileOf(['a', 'b', 'c'], [['abc', 1], ['bac', 1]]);
    expect(copeland(p).scores).toEqual({ a: 1.5, b: 1.5, c: 0 });
    expect(copeland(p).winners).toEqual(['a', 'b']);
  });

  it('maximin scores are the worst margins (hand-computed on 4 abc, 3 bca, 2 cab: a>b 3, b>c 5, c>a 1)', () => {
    const p = profileOf(['a', 'b', 'c'], [['abc', 4], ['bca', 3], ['cab', 2]]);
    // a: min(3, −1) = −1; b: min(−3, 5) = −3; c: min(1, −5) = −5.
    expect(maximin(p).scores).toEqual({ a: -1, b: -3, c: -5 });
    expect(maximin(p).winners).toEqual(['a']);
  });
});
