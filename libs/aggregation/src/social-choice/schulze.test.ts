import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { profileOf, schulzeExample } from '../../test/profiles.js';
import { majorityMatrix } from './majority-matrix.js';
import { schulze, schulzeStrongestPaths } from './schulze.js';

describe('schulze', () => {
  it("reproduces the 45-voter example's pairwise matrix d[X,Y] (Wikipedia 'Schulze method', Example)", () => {
    const { support } = majorityMatrix(schulzeExample());
    // Wikipedia: d[A,*] = -,20,26,30,22; d[B,*] = 25,-,16,33,18; d[C,*] = 19,29,-,17,24;
    // d[D,*] = 15,12,28,-,14; d[E,*] = 23,27,21,31,-.
    expect(Array.from(support)).toEqual([0, 20, 26, 30, 22, 25, 0, 16, 33, 18, 19, 29, 0, 17, 24, 15, 12, 28, 0, 14, 23, 27, 21, 31, 0]);
  });

  it('reproduces the strongest-path matrix p[X,Y] with winning votes (Wikipedia "Schulze method", Example)', () => {
    const p = schulzeStrongestPaths(majorityMatrix(schulzeExample()), 'winning-votes');
    // Wikipedia: p[A,*] = -,28,28,30,24; p[B,*] = 25,-,28,33,24; p[C,*] = 25,29,-,29,24;
    // p[D,*] = 25,28,28,-,24; p[E,*] = 25,28,28,31,-.
    expect(Array.from(p)).toEqual([0, 28, 28, 30, 24, 25, 0, 28, 33, 24, 25, 29, 0, 29, 24, 25, 28, 28, 0, 24, 25, 28, 28, 31, 0]);
    expect(schulze(schulzeExample(), 'winning-votes').ranking).toEqual([['E'], ['A'], ['C'], ['B'], ['D']]);
  });

  it('gives the published ranking E > A > C > B > D with margins as the strength (published ranking; margin paths hand-checked below)', () => {
    const result = schulze(schulzeExample());
    expect(result.winners).toEqual(['E']);
    expect(result.ranking).toEqual([['E'], ['A'], ['C'], ['B'], ['D']]);
    // Hand-computed from the margins d[X,Y] − d[Y,X]: the widest margin path from E to D is the
    // direct defeat 31 − 14 = 17; from A to E it is A-(15)-D-(11)-C-(3)-E = 3; from E to A it is
    // E-(17)-D-(11)-C-(13)-B-(5)-A = 5.
    const p = schulzeStrongestPaths(majorityMatrix(schulzeExample()));
    expect([p[4 * 5 + 3], p[0 * 5 + 4], p[4 * 5 + 0]]).toEqual([17, 3, 5]);
  });

  it('reports every potential winner when the beatpath relation ties (hand-computed 3-cycle with equal margins)', () => {
    // a ≻ b ≻ c, b ≻ c ≻ a, c ≻ a ≻ b: every margin is 1, every strongest path 1, so no candidate is
    // better than another and all three are potential winners (Schulze 2011: potential winners have p[X,Y] ≥ p[Y,X]).
    const result = schulze(profileOf(['a', 'b', 'c'], [['abc', 1], ['bca', 1], ['cab', 1]]));
    expect(result.winners).toEqual(['a', 'b', 'c']);
    expect(result.ranking).toEqual([['a', 'b', 'c']]);
  });
});

describe('schulzeStrongestPaths (fast-check against path enumeration)', () => {
  it('equals the strongest path over every simple path of margin defeats (the definition, Schulze 2011)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 5 }).chain((m) =>
          fc.tuple(fc.constant(m), fc.array(fc.tuple(fc.shuffledSubarray([...'abcde'.slice(0, m)], { minLength: m, maxLength: m }), fc.integer({ min: 1, max: 9 })), { minLength: 1, maxLength: 6 })),
        ),
        ([m, ballots]) => {
          const matrix = majorityMatrix(profileOf([...'abcde'.slice(0, m)], ballots.map(([r, w]) => [r, w] as [string[], number])));
          const p = schulzeStrongestPaths(matrix);
          const { margin } = matrix;
          // Depth-first enumeration of simple paths, keeping the best weakest link.
          const widest = (from: number, to: number): number => {
            let best = 0;
            const walk = (at: number, weakest: number, seen: Set<number>) => {
              for (let next = 0; next < m; next++) {
                if (seen.has(next) || !(margin[at * m + next] > 0)) continue;
                const w = Math.min(weakest, margin[at * m + next]);
                if (next === to) best = Math.max(best, w);
                else walk(next, w, new Set([...seen, next]));
              }
            };
            walk(from, Number.POSITIVE_INFINITY, new Set([from]));
            return best;
          };
          for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) if (i !== j) expect(p[i * m + j]).toBe(widest(i, j));
        },
      ),
      { numRuns: 80 },
    );
  });
});
