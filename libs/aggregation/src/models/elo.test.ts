import { InputError } from '@persona/core';
import { describe, expect, it } from 'vitest';
import { approxEqual } from '../../test/approx-equal.js';
import { winnerLoserComparisons } from '../../test/model-fixtures.js';
import { message } from '../messages.js';
import { Elo, eloExpectedScore, eloRatingAfterPeriod, eloRatings } from './elo.js';

describe('Elo', () => {
  it('reproduces the Wikipedia "Elo rating system" worked example (player rated 1613, K = 32)', () => {
    // oracle: https://en.wikipedia.org/wiki/Elo_rating_system#Mathematical_details — a player rated
    // 1613 loses to 1609, draws with 1477, beats 1388 and 1586, loses to 1720: expected score
    // ≈ 0.51 + 0.69 + 0.79 + 0.54 + 0.35 = 2.88, actual 2.5, new rating 1613 + 32(2.5 − 2.88) ≈ 1601.
    const opponents = [1609, 1477, 1388, 1586, 1720];
    const scores = [0, 0.5, 1, 1, 0];
    const expected = opponents.map((b) => eloExpectedScore(1613, b));
    [0.51, 0.69, 0.79, 0.54, 0.35].forEach((e, i) => expect(expected[i]).toBeCloseTo(e, 2));
    const total = expected.reduce((s, e) => s + e, 0);
    expect(total).toBeCloseTo(2.867, 3);
    const rating = eloRatingAfterPeriod(1613, opponents, scores);
    expect(Math.round(rating)).toBe(1601);
    approxEqual(rating, 1613 + 32 * (2.5 - total));
  });

  it('updates two 1500 players by hand-computed amounts (win, then draw)', () => {
    const elo = new Elo(['a', 'b']);
    elo.update('a', 'b');
    // closed form: E = 1/2, so a gains 32·(1 − 1/2) = 16
    approxEqual(elo.rating('a'), 1516);
    approxEqual(elo.rating('b'), 1484);
    elo.tie('a', 'b');
    // closed form: E_a = 1/(1 + 10^(−32/400)), change 32·(1/2 − E_a)
    const ea = 1 / (1 + Math.pow(10, -32 / 400));
    approxEqual(elo.rating('a'), 1516 + 32 * (0.5 - ea));
    approxEqual(elo.rating('b'), 1484 - 32 * (0.5 - ea));
    approxEqual(elo.rating('a') + elo.rating('b'), 3000); // zero-sum
  });

  it('batch run applies comparisons in order and is deterministic', () => {
    const items = ['x', 'y', 'z'];
    const c = winnerLoserComparisons(items, ['x', 'y', 'z', 'x'], ['y', 'z', 'x', 'z'], [2, 1, 1, 1]);
    const a = eloRatings(c, { k: 16 });
    const b = eloRatings(c, { k: 16 });
    expect(Array.from(b)).toEqual(Array.from(a));
    const online = new Elo(items, { k: 16 });
    online.update('x', 'y');
    online.update('x', 'y');
    online.update('y', 'z');
    online.update('z', 'x');
    online.update('x', 'z');
    // oracle: the same games replayed through the online API
    items.forEach((name, i) => approxEqual(a[i], online.rating(name)));
    // order matters: reversed order gives different ratings (Elo is path dependent)
    const reversed = { ...c, first: c.first.slice().reverse(), second: c.second.slice().reverse(), count: c.count.slice().reverse() };
    expect(Array.from(eloRatings(reversed, { k: 16 }))).not.toEqual(Array.from(a));
  });

  it('rejects a bad K-factor, an unknown item, a bad score and fractional counts', () => {
    expect(() => new Elo(['a'], { k: 0 })).toThrow(message.eloBadK(0));
    expect(() => new Elo(['a'], { scale: -1 })).toThrow(message.eloBadScale(-1));
    const elo = new Elo(['a', 'b']);
    expect(() => elo.update('a', 'q')).toThrow(message.eloUnknownItem('q'));
    expect(() => elo.game(0, 1, 2)).toThrow(message.eloBadScore(2));
    expect(() => eloRatingAfterPeriod(1500, [1500, 1600], [1])).toThrow(message.modelArrayLength('scores', 2, 1));
    const c = winnerLoserComparisons(['a', 'b'], ['a'], ['b'], [1.5]);
    expect(() => eloRatings(c)).toThrow(InputError);
    expect(() => eloRatings(c)).toThrow(message.eloFractionalCount(1.5));
  });
});
