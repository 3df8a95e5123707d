import { Rng } from '@persona/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectApproxEqual } from '../../../../test-support/approx-equal.js';
import { aliasTable } from './alias-table.js';
import { inclusionProbabilities } from './inclusion-probabilities.js';
import { systematicPpsSample } from './systematic-sample.js';

const weightsArb = fc.array(fc.double({ min: 1e-3, max: 1e3, noNaN: true }), { minLength: 1, maxLength: 60 });

describe('sampling properties (fast-check)', () => {
  it('alias table: column masses reproduce w/Σw for any positive weights', () => {
    fc.assert(fc.property(weightsArb, (w) => {
      const { probability, alias } = aliasTable(w);
      const mass = new Float64Array(w.length);
      for (let j = 0; j < w.length; j++) {
        mass[j] += probability[j]!;
        if (alias[j] !== j) mass[alias[j]!] += 1 - probability[j]!;
      }
      const total = w.reduce((s, x) => s + x, 0);
      // closed form of the alias method; tolerance absorbs the rounding of the scaled weights
      w.forEach((wi, i) => expect(Math.abs(mass[i]! / w.length - wi / total)).toBeLessThan(1e-12));
    }));
  });

  it('inclusion probabilities: Σπ = n, 0 < π ≤ 1, proportional to w among units below 1', () => {
    fc.assert(fc.property(weightsArb, fc.nat(), (w, k) => {
      const n = 1 + (k % w.length);
      const pik = inclusionProbabilities(w, n);
      expectApproxEqual(pik.reduce((s, p) => s + p, 0), n, 1e-9, 'Σπ');
      let ratio = Number.NaN;
      pik.forEach((p, i) => {
        expect(p).toBeGreaterThan(0);
        expect(p).toBeLessThanOrEqual(1);
        if (p < 1) {
          if (Number.isNaN(ratio)) ratio = p / w[i]!;
          else expectApproxEqual(p / w[i]!, ratio, 1e-9, 'π/w');
        }
      });
    }));
  });

  it('systematic PPS: exactly n distinct units, every certainty included, for any weights and seed', () => {
    fc.assert(fc.property(weightsArb, fc.nat(), fc.integer(), (w, k, seed) => {
      const n = 1 + (k % w.length);
      const sample = systematicPpsSample(w, n, Rng.fromSeed(seed), { order: 'random' });
      expect(sample.length).toBe(n);
      expect(new Set(sample).size).toBe(n);
      inclusionProbabilities(w, n).forEach((p, i) => { if (p === 1) expect(sample).toContain(i); });
    }));
  });
});
