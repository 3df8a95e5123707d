import fc from 'fast-check';
import { InputError } from '@persona/core';
import { describe, expect, it } from 'vitest';
import { message } from '../messages.js';
import { type JudgeComparison, profileFromPairwise } from './from-pairwise.js';

/** All pairs of a strict order, each compared `count` times, in shuffled positions. */
function transitive(judge: string, order: readonly string[], flip: (i: number) => boolean, count = 1): JudgeComparison[] {
  const rows: JudgeComparison[] = [];
  let n = 0;
  for (let i = 0; i < order.length; i++) {
    for (let j = i + 1; j < order.length; j++) {
      rows.push(flip(n++) ? { judge, itemA: order[j], itemB: order[i], outcome: 'b', count } : { judge, itemA: order[i], itemB: order[j], outcome: 'a', count });
    }
  }
  return rows;
}

describe('profileFromPairwise', () => {
  it('turns a judge with a transitive set of comparisons into exactly that order, with either method', async () => {
    // Oracle: definition — in a transitive round robin the i-th item wins m−1−i pairs (Copeland) and
    // Bradley–Terry strengths are monotone in wins for a complete design (Zermelo 1929; with a symmetric prior too).
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray(['w', 'x', 'y', 'z', 'v'], { minLength: 2, maxLength: 5 }),
        fc.func(fc.boolean()),
        async (order, flip) => {
          for (const method of ['copeland', 'bradley-terry'] as const) {
            const { profile } = await profileFromPairwise(transitive('p1', order, flip), { p1: 1 }, { method, candidates: ['v', 'w', 'x', 'y', 'z'] });
            const levels = profile.ballots[0].levels!;
            const ranked = order.map((c) => levels[profile.candidates.indexOf(c)]);
            expect(ranked).toEqual(order.map((_, i) => i));
            // Items the judge never compared share the level below all she ranked (profile convention).
            for (const c of profile.candidates) if (!order.includes(c)) expect(levels[profile.candidates.indexOf(c)]).toBe(order.length);
          }
        },
      ),
      { numRuns: 40, seed: 21 },
    );
  });

  it('carries each judge’s survey weight, groups ties and equal Copeland scores, keeps judge order', async () => {
    // Oracle: by hand. p2: a beats b twice, loses once (net a); b ties c; so Copeland a +1, b −1, c 0 → a > c > b.
    // p3: a 3-cycle a>b, b>c, c>a → all score 0 → one level.
    const rows: JudgeComparison[] = [
      { judge: 'p2', itemA: 'a', itemB: 'b', outcome: 'a', count: 2 },
      { judge: 'p3', itemA: 'a', itemB: 'b', outcome: 'a' },
      { judge: 'p2', itemA: 'b', itemB: 'a', outcome: 'a' },
      { judge: 'p2', itemA: 'b', itemB: 'c', outcome: 'tie' },
      { judge: 'p3', itemA: 'b', itemB: 'c', outcome: 'a' },
      { judge: 'p3', itemA: 'c', itemB: 'a', outcome: 'a' },
    ];
    const { profile, judges, unconverged } = await profileFromPairwise(rows, { p2: 0.75, p3: 2.5, p4: 1 });
    expect(profile.candidates).toEqual(['a', 'b', 'c']);
    expect(judges).toEqual(['p2', 'p3']);
    expect(unconverged).toEqual([]);
    expect(profile.ballots.map((b) => b.weight)).toEqual([0.75, 2.5]);
    expect(Array.from(profile.ballots[0].levels!)).toEqual([0, 2, 1]);
    expect(Array.from(profile.ballots[1].levels!)).toEqual([0, 0, 0]);
  });

  it('gives a judge who only ever ties one level for all she compared (used to reject the whole profile)', async () => {
    // Oracle: by hand — p1 reported x = y only, so x and y share her top level and z (not compared) is below; p2's x > y stands.
    const rows: JudgeComparison[] = [
      { judge: 'p1', itemA: 'x', itemB: 'y', outcome: 'tie', count: 2 },
      { judge: 'p2', itemA: 'x', itemB: 'y', outcome: 'a', count: 1 },
    ];
    const { profile } = await profileFromPairwise(rows, { p1: 1, p2: 2 }, { method: 'bradley-terry', candidates: ['x', 'y', 'z'] });
    expect([...profile.ballots[0].levels!]).toEqual([0, 0, 1]);
    expect([...profile.ballots[1].levels!]).toEqual([0, 1, 2]);
  });

  it('rejects unknown items, self-comparisons, bad outcomes and counts, and judges without a weight', async () => {
    const row = (over: Partial<JudgeComparison>): JudgeComparison[] => [{ judge: 'p', itemA: 'a', itemB: 'b', outcome: 'a', ...over }];
    await expect(profileFromPairwise(row({ itemB: 'q' }), { p: 1 }, { candidates: ['a', 'b'] })).rejects.toThrow(
      new InputError(message.pairwiseUnknownItem('q'), { index: 0, field: 'item_b' }),
    );
    await expect(profileFromPairwise(row({ itemB: 'a' }), { p: 1 })).rejects.toThrow(message.modelSelfComparison('a'));
    await expect(profileFromPairwise(row({ outcome: 'x' as 'a' }), { p: 1 })).rejects.toThrow(message.pairwiseBadOutcome('x'));
    await expect(profileFromPairwise(row({ count: -1 }), { p: 1 })).rejects.toThrow(message.modelBadCount(-1));
    await expect(profileFromPairwise(row({}), {})).rejects.toThrow(message.judgeNoWeight('p'));
    await expect(profileFromPairwise(row({}), { p: 0 })).rejects.toThrow(message.badJudgeWeight('p', 0));
  });
});
