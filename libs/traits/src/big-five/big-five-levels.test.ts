import { describe, expect, it } from 'vitest';
import { approxEqual, rFixture } from '../../test/approx-equal.js';
import { message } from '../messages.js';
import { BIG_FIVE_LEVELS, bigFiveLevel, levelProportions } from './big-five-levels.js';
import { formatBigFive } from './format-big-five.js';

const cuts = [-1.5, -0.5, 0.5, 1.5];

describe('Big Five levels', () => {
  it('assigns the five bands, a score on a cut going to the band nearer the mean', () => {
    expect([-2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2].map((z) => bigFiveLevel(z, cuts))).toEqual([
      'Extremely Low', 'Low', 'Low', 'Average', 'Average', 'Average', 'High', 'High', 'Extremely High',
    ]);
  });

  it('gives the closed-form shares Φ(c_k) − Φ(c_{k−1}) (oracle: R pnorm, pnorm.json)', () => {
    const fixture = rFixture<Record<string, number[]>>('pnorm.json');
    approxEqual(levelProportions(cuts), fixture.shares!, { rel: 1e-12 }, 'shares');
    approxEqual(levelProportions(cuts, 0.3), fixture['shares_mean_0.3']!, { rel: 1e-12 }, 'shares at mean 0.3');
  });

  it("formats PERSONA's one-line field exactly as FORMAT.md's example", () => {
    expect(formatBigFive(['High', 'Extremely High', 'Average', 'High', 'Low'])).toBe(
      'Openness: High, Conscientiousness: Extremely High, Extraversion: Average, Agreeableness: High, Neuroticism: Low',
    );
    expect(BIG_FIVE_LEVELS).toEqual(['Extremely Low', 'Low', 'Average', 'High', 'Extremely High']);
    expect(() => formatBigFive(['High'])).toThrow(message.wrongLevelCount(1));
  });
});
