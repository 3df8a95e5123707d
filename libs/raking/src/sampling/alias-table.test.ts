import { Rng } from '@persona/core';
import { describe, expect, it } from 'vitest';
import { expectApproxEqual } from '../../../../test-support/approx-equal.js';
import { aliasTable, sampleWithReplacement } from './alias-table.js';
import { message } from '../messages.js';

describe('alias method (Vose 1991)', () => {
  it('the table reproduces w/Σw exactly: (prob_i + Σ_{j: alias_j = i, j≠i} (1 − prob_j)) / N', () => {
    const w = new Float64Array([5, 1, 0.25, 3, 7.75, 2, 1]);
    const { probability, alias } = aliasTable(w);
    const mass = new Float64Array(w.length);
    for (let j = 0; j < w.length; j++) {
      mass[j] += probability[j]!;
      if (alias[j] !== j) mass[alias[j]!] += 1 - probability[j]!;
    }
    // closed form: column j gives j with probability prob_j and alias_j otherwise, each column 1/N.
    w.forEach((wi, i) => expectApproxEqual(mass[i]! / w.length, wi / 20, 1e-12, `unit ${i}`));
  });

  it('draw frequencies match w/Σw: chi-square below qchisq(0.999, 9) = 27.877 (R), seed 7', () => {
    const w = new Float64Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 55]);
    const draws = 200_000;
    const counts = new Float64Array(w.length);
    for (const i of sampleWithReplacement(w, draws, Rng.fromSeed(7))) counts[i]++;
    let chi2 = 0;
    w.forEach((wi, i) => { const e = (draws * wi) / 100; chi2 += (counts[i]! - e) ** 2 / e; });
    expect(chi2).toBeLessThan(27.87716);
  });

  it('same seed, same draws; another seed, other draws', () => {
    const w = new Float64Array([1, 2, 3, 4]);
    const a = sampleWithReplacement(w, 50, Rng.fromSeed(1));
    expect(sampleWithReplacement(w, 50, Rng.fromSeed(1))).toEqual(a);
    expect(sampleWithReplacement(aliasTable(w), 50, Rng.fromSeed(1))).toEqual(a);
    expect(sampleWithReplacement(w, 50, Rng.fromSeed(2))).not.toEqual(a);
  });

  it('rejects non-positive or NaN weights and a bad n', () => {
    expect(() => aliasTable(new Float64Array([1, 0, 2]))).toThrow(message.samplingWeightInvalid(0));
    expect(() => aliasTable(new Float64Array([1, Number.NaN]))).toThrow(message.samplingWeightInvalid(Number.NaN));
    expect(() => aliasTable(new Float64Array([1, -2]))).toThrow(message.samplingWeightInvalid(-2));
    expect(() => sampleWithReplacement(new Float64Array([1]), 0, Rng.fromSeed(1))).toThrow(message.sampleSizeInvalid(0));
    expect(() => sampleWithReplacement(new Float64Array([1]), 2.5, Rng.fromSeed(1))).toThrow(message.sampleSizeInvalid(2.5));
  });
});
