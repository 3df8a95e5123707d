import { describe, expect, it } from 'vitest';
import { InputError } from '@persona/core';
import { postStratify, rakingMessage as message } from '../src/index.js';
import { expectApproxEqual } from '../../../test-support/approx-equal.js';
import { rFixture } from './r-fixture.js';

interface PostStratifyFixture {
  variables: { name: string; values: string[] }[];
  baseWeights: number[];
  byStype: { cells: { key: string[]; target: number }[]; weights: number[] };
  byStypeSchWide: { cells: { key: string[]; target: number }[]; weights: number[] };
}

describe('postStratify against R survey::postStratify (fixture from test/fixtures/r/make-fixtures.R)', () => {
  const f = rFixture<PostStratifyFixture>('poststratify-apiclus1.json');

  it('post-stratifies apiclus1 by stype as ?postStratify does', () => {
    const w = postStratify({ variables: [f.variables[0]], baseWeights: f.baseWeights, strata: f.byStype.cells });
    // oracle: weights(postStratify(dclus1, ~stype, pop.types)) in R
    expectApproxEqual(w, f.byStype.weights, 1e-12, 'weight');
  });

  it('post-stratifies on the full stype × sch.wide cross-classification', () => {
    const w = postStratify({ variables: f.variables, baseWeights: f.baseWeights, strata: f.byStypeSchWide.cells });
    // oracle: weights(postStratify(dclus1, ~stype+sch.wide, apipop joint table)) in R
    expectApproxEqual(w, f.byStypeSchWide.weights, 1e-12, 'weight');
  });

  it('rejects a sample cell without a target and a positive target with no rows', () => {
    const variables = [{ name: 'a', values: ['x', 'y', 'y'] }];
    expect(() => postStratify({ variables, strata: [{ key: ['x'], target: 5 }] })).toThrow(
      message.postStratumWithoutTarget('a="y"', 1),
    );
    expect(() => postStratify({ variables, strata: [{ key: ['x'], target: 5 }, { key: ['y'], target: 5 }, { key: ['z'], target: 1 }] })).toThrow(
      message.postStratumNotInSample('a="z"', 1),
    );
    expect(() => postStratify({ variables, strata: [{ key: ['x'], target: 5 }, { key: ['x'], target: 5 }] })).toThrow(InputError);
  });
});
