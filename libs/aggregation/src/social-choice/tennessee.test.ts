import { describe, expect, it } from 'vitest';
import { tennessee } from '../../test/profiles.js';
import { majorityMatrix } from './majority-matrix.js';
import { condorcetLoser, condorcetWinner } from './condorcet.js';
import { rules, runRule } from './registry.js';
import { smithSet } from './smith-set.js';
import { schwartzSet } from './schwartz-set.js';

const none = { tiebreak: 'none', seed: 0 } as const;
const run = (rule: string) => runRule(rule, tennessee(), none);

describe('the Tennessee capital example across rules', () => {
  it('has the published pairwise majorities (Wikipedia "Condorcet method", Tennessee: Nashville beats each rival)', async () => {
    const { margin } = majorityMatrix(tennessee());
    // Order M, N, C, K. Nashville over Memphis 58–42, over Chattanooga 68–32, over Knoxville 68–32;
    // Chattanooga over Knoxville 83–17, over Memphis 58–42; Knoxville over Memphis 58–42.
    expect(Array.from(margin).map((x) => x + 0)).toEqual([0, -16, -16, -16, 16, 0, 36, 36, 16, -36, 0, 66, 16, -36, -66, 0]);
    expect(condorcetWinner(tennessee())).toBe('Nashville');
    expect(condorcetLoser(tennessee())).toBe('Memphis');
    expect(smithSet(tennessee())).toEqual(['Nashville']);
    expect(schwartzSet(tennessee())).toEqual(['Nashville']);
  });

  it('plurality elects Memphis (Wikipedia "Plurality voting"/"Effects of different voting systems": 42 %)', async () => {
    expect((await run('plurality')).winners).toEqual(['Memphis']);
    expect((await run('plurality')).scores).toEqual({ Memphis: 42, Nashville: 26, Chattanooga: 15, Knoxville: 17 });
  });

  it('IRV elects Knoxville after eliminating Chattanooga then Nashville (Wikipedia "Instant-runoff voting", Tennessee)', async () => {
    const result = (await run('irv'));
    expect(result.winners).toEqual(['Knoxville']);
    const rounds = result.rounds as { eliminated: string[] }[];
    expect(rounds.map((r) => r.eliminated)).toEqual([['Chattanooga'], ['Nashville'], ['Memphis'], []]);
    // Wikipedia: Knoxville ends with 58 % against Memphis's 42 %.
    expect((result.rounds as { tallies: Record<string, number> }[])[2].tallies).toEqual({ Memphis: 42, Knoxville: 58 });
  });

  it('Borda elects Nashville with 194, Chattanooga 173, Memphis 126, Knoxville 107 (Wikipedia "Borda count", Tennessee)', async () => {
    const result = (await run('borda'));
    expect(result.scores).toEqual({ Memphis: 126, Nashville: 194, Chattanooga: 173, Knoxville: 107 });
    expect(result.ranking).toEqual([['Nashville'], ['Chattanooga'], ['Memphis'], ['Knoxville']]);
  });

  it('Coombs eliminates Memphis (58 last places) then Nashville has 68 % (Wikipedia "Coombs\' method", Tennessee)', async () => {
    const result = (await run('coombs'));
    expect(result.winners).toEqual(['Nashville']);
    expect((result.rounds as { tallies: Record<string, number>; eliminated: string[] }[])[0]).toEqual({
      tallies: { Memphis: 58, Nashville: 0, Chattanooga: 0, Knoxville: 42 },
      eliminated: ['Memphis'],
    });
  });

  it('Bucklin elects Nashville in round 2 with 68 % against Chattanooga 58 % (Wikipedia "Bucklin voting", Tennessee)', async () => {
    const result = (await run('bucklin'));
    expect(result.winners).toEqual(['Nashville']);
    expect(result.round).toBe(2);
    expect(result.scores).toEqual({ Memphis: 42, Nashville: 68, Chattanooga: 58, Knoxville: 32 });
  });

  it('every Condorcet method elects Nashville; ranked pairs, Schulze, Copeland give N > C > K > M (Wikipedia "Ranked pairs", "Kemeny–Young method" Tennessee ranking)', async () => {
    for (const rule of ['condorcet', 'copeland', 'maximin', 'schulze', 'ranked-pairs', 'black', 'nanson', 'baldwin', ...(rules.kemeny ? ['kemeny'] : [])]) {
      expect((await run(rule)).winners, rule).toEqual(['Nashville']);
    }
    for (const rule of ['ranked-pairs', 'schulze', 'copeland']) {
      expect((await run(rule)).ranking, rule).toEqual([['Nashville'], ['Chattanooga'], ['Knoxville'], ['Memphis']]);
    }
    // wybr (docs.rs, methods/nanson.rs and methods/baldwin.rs) asserts Nashville for Nanson and Baldwin on this example.
  });

  it('antiplurality ties Nashville and Chattanooga (hand-computed: last places Memphis 58, Knoxville 42, others 0)', async () => {
    const result = (await run('antiplurality'));
    expect(result.winners).toEqual(['Nashville', 'Chattanooga']);
    expect(result.scores).toEqual({ Memphis: 42, Nashville: 100, Chattanooga: 100, Knoxville: 58 });
  });
});
