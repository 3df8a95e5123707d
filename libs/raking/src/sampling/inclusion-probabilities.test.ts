import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectApproxEqual } from '../../../../test-support/approx-equal.js';
import { inclusionProbabilities } from './inclusion-probabilities.js';
import { message } from '../messages.js';

const fixture = JSON.parse(
  readFileSync(new URL('../../test/fixtures/r-sampling/inclusion-probabilities.json', import.meta.url), 'utf8'),
) as { cases: { a: number[]; n: number; pik: number[] }[] };

describe('inclusionProbabilities', () => {
  // Oracle: R sampling 2.9, inclusionprobabilities(a, n) (make-fixtures.R); cases with take-all units.
  it.each(fixture.cases.map((c, i) => [i, c] as const))('case %i matches sampling::inclusionprobabilities', (_, c) => {
    const pik = inclusionProbabilities(Float64Array.from(c.a), c.n);
    c.pik.forEach((p, i) => expectApproxEqual(pik[i]!, p, 1e-8, `unit ${i}`));
    expectApproxEqual(pik.reduce((s, p) => s + p, 0), c.n, 1e-12, 'Σπ = n');
  });

  it('rejects n > N, n ≤ 0 and bad weights', () => {
    expect(() => inclusionProbabilities(new Float64Array([1, 2]), 3)).toThrow(message.sampleSizeExceedsPopulation(3, 2));
    expect(() => inclusionProbabilities(new Float64Array([1, 2]), 0)).toThrow(message.sampleSizeInvalid(0));
    expect(() => inclusionProbabilities(new Float64Array([1, Number.NaN]), 1)).toThrow(message.samplingWeightInvalid(Number.NaN));
    expect(() => inclusionProbabilities(new Float64Array([]), 1)).toThrow(message.emptyPopulation());
  });
});
