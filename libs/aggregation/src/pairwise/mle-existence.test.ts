import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bradleyTerryPair, evaluateLogLikelihood, parameterLayout } from './bradley-terry-likelihood.js';
import { bradleyTerry } from './bradley-terry.js';
import { davidsonPair } from './davidson.js';
import { beatsComponents, pairGraph } from './graph.js';
import { divergingDirection, orderEffectConfounded } from './mle-existence.js';
import { raoKupperPair } from './rao-kupper.js';
import { comparisonsFromRows } from './read-comparisons.js';

const PAIR = { none: bradleyTerryPair, davidson: davidsonPair, 'rao-kupper': raoKupperPair } as const;
const names = ['a', 'b', 'c', 'd'];

describe('divergingDirection (recession-direction LP) against the likelihood itself', () => {
  it('a reported direction raises the log-likelihood without bound of its parameters; otherwise Newton converges', async () => {
    // oracle: the pair log-likelihoods (checked against R in bradley-terry/ties tests). Along a diverging
    // direction d the log-likelihood must never decrease and must rise somewhere (so no finite maximum);
    // when none exists the concave likelihood has a maximiser, which dense Newton finds.
    const record = fc.record({
      a: fc.integer({ min: 0, max: 3 }),
      shift: fc.integer({ min: 1, max: 3 }),
      outcome: fc.constantFrom('a', 'b', 'tie'),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(record, { minLength: 2, maxLength: 9 }),
        fc.constantFrom('davidson', 'rao-kupper', 'none'),
        fc.boolean(),
        async (records, ties, orderEffect) => {
          const rows = records.map(({ a, shift, outcome }) => ({ itemA: names[a], itemB: names[(a + shift) % 4], outcome: outcome as 'a' | 'b' | 'tie' }));
          const comparisons = comparisonsFromRows(rows);
          const graph = pairGraph(comparisons, orderEffect);
          fc.pre(ties !== 'none' ? graph.ties > 0 && graph.ties < records.length : graph.ties === 0);
          fc.pre(ties !== 'none' || orderEffect);
          fc.pre(beatsComponents(graph, ties !== 'none').groups.length === 1);
          fc.pre(!(orderEffect && orderEffectConfounded(graph)));
          const direction = await divergingDirection(graph, ties, orderEffect, false);
          if (direction === null) {
            const fit = await bradleyTerry(comparisons, { ties, orderEffect, standardErrors: false });
            expect(fit.converged).toBe(true);
            return;
          }
          const layout = parameterLayout(comparisons.items.length, orderEffect, ties !== 'none');
          const x = new Float64Array(layout.size);
          const scratch = new Float64Array(6);
          const at = (t: number) => {
            for (let i = 0; i < layout.n; i++) x[i] = t * direction.strengths![i];
            if (layout.alpha >= 0) x[layout.alpha] = t * direction.orderEffect;
            if (layout.tie >= 0) x[layout.tie] = 1 + t * direction.tie;
            return evaluateLogLikelihood(graph, PAIR[ties], layout, x, Infinity, null, null, scratch);
          };
          let previous = at(0);
          for (const t of [1, 2, 4, 8, 16, 32]) {
            const value = at(t);
            expect(value).toBeGreaterThanOrEqual(previous - 1e-9);
            previous = value;
          }
          expect(previous).toBeGreaterThan(at(0) + 1e-6);
        },
      ),
      { numRuns: 150, seed: 20261127 },
    );
  });
});

describe('orderEffectConfounded', () => {
  it('is true exactly when every pair can step down by one from its first to its second item', () => {
    // oracle: by hand. a→b, b→c, a→c: levels a 0, b −1, c −2 would need a→c to step by 2 → not confounded.
    const chain = pairGraph(comparisonsFromRows([{ itemA: 'a', itemB: 'b', outcome: 'a' }, { itemA: 'b', itemB: 'c', outcome: 'b' }]), true);
    expect(orderEffectConfounded(chain)).toBe(true);
    const triangle = pairGraph(
      comparisonsFromRows([{ itemA: 'a', itemB: 'b', outcome: 'a' }, { itemA: 'b', itemB: 'c', outcome: 'b' }, { itemA: 'a', itemB: 'c', outcome: 'a' }]),
      true,
    );
    expect(orderEffectConfounded(triangle)).toBe(false);
    const bothWays = pairGraph(comparisonsFromRows([{ itemA: 'a', itemB: 'b', outcome: 'a' }, { itemA: 'b', itemB: 'a', outcome: 'a' }]), true);
    expect(orderEffectConfounded(bothWays)).toBe(false);
  });
});
