import { InputError } from '@persona/core';
import { message } from '../messages.js';
import type { Comparisons } from '../pairwise/comparisons.js';
import { validateComparisons } from './validate-comparisons.js';

export interface EloOptions {
  /** K-factor: the largest change one game can make. Default 32. */
  k?: number;
  /** Rating difference at which the stronger side is expected to score 10:1. Default 400. */
  scale?: number;
  /** Starting rating of every item. Default 1500. */
  initial?: number;
}

/**
 * Expected score of a player rated `a` against one rated `b`:
 * E = 1 / (1 + 10^((b − a) / scale)) (Elo 1978; FIDE Handbook B.02 §8.1 logistic form).
 */
export function eloExpectedScore(a: number, b: number, scale = 400): number {
  return 1 / (1 + Math.pow(10, (b - a) / scale));
}

/**
 * A rating after a rating period in which every game is scored against the ratings held
 * before the period (the FIDE practice, Handbook B.02 §8.3): R' = R + K·Σ_g (S_g − E_g).
 *
 * @throws InputError when the lists differ in length, or on a bad K-factor or score.
 */
export function eloRatingAfterPeriod(
  rating: number,
  opponentRatings: readonly number[],
  scores: readonly number[],
  options: Pick<EloOptions, 'k' | 'scale'> = {},
): number {
  const k = options.k ?? 32;
  const scale = options.scale ?? 400;
  if (!(k > 0 && Number.isFinite(k))) throw new InputError(message.eloBadK(k), { field: 'k' });
  if (!(scale > 0 && Number.isFinite(scale))) throw new InputError(message.eloBadScale(scale), { field: 'scale' });
  if (scores.length !== opponentRatings.length) {
    throw new InputError(message.modelArrayLength('scores', opponentRatings.length, scores.length), { field: 'scores' });
  }
  let change = 0;
  opponentRatings.forEach((b, g) => {
    const score = scores[g];
    if (!(score >= 0 && score <= 1)) throw new InputError(message.eloBadScore(score), { index: g, field: 'score' });
    change += score - eloExpectedScore(rating, b, scale);
  });
  return rating + k * change;
}

/**
 * Elo ratings with online updates (Elo 1978, "The Rating of Chessplayers"): after a game with
 * score S ∈ {1, ½, 0} for the first player, each side moves by K·(S − E) in opposite
 * directions, E from {@link eloExpectedScore}. Updates are sequential, so the result depends
 * on the order of games; there is no randomness.
 *
 * @example
 *   const elo = new Elo(['a', 'b']);   // both 1500, K = 32
 *   elo.update('a', 'b');              // a: 1516, b: 1484
 */
export class Elo {
  readonly items: readonly string[];
  readonly k: number;
  readonly scale: number;
  private readonly index: Map<string, number>;
  private readonly ratings: Float64Array;

  constructor(items: readonly string[], options: EloOptions = {}) {
    const k = options.k ?? 32;
    const scale = options.scale ?? 400;
    if (!(k > 0 && Number.isFinite(k))) throw new InputError(message.eloBadK(k), { field: 'k' });
    if (!(scale > 0 && Number.isFinite(scale))) throw new InputError(message.eloBadScale(scale), { field: 'scale' });
    this.items = items;
    this.k = k;
    this.scale = scale;
    this.index = new Map(items.map((name, i) => [name, i]));
    this.ratings = new Float64Array(items.length).fill(options.initial ?? 1500);
  }

  /** The current rating of `item`. */
  rating(item: string): number {
    return this.ratings[this.id(item)];
  }

  /** A copy of all ratings, in `items` order. */
  snapshot(): Float64Array {
    return Float64Array.from(this.ratings);
  }

  /** `winner` beat `loser`. */
  update(winner: string, loser: string): void {
    this.game(this.id(winner), this.id(loser), 1);
  }

  /** `a` and `b` drew (score ½ each). */
  tie(a: string, b: string): void {
    this.game(this.id(a), this.id(b), 0.5);
  }

  /** A game in which `a` scored `score` ∈ [0, 1] against `b` (by index). */
  game(a: number, b: number, score: number): void {
    if (!(score >= 0 && score <= 1)) throw new InputError(message.eloBadScore(score), { field: 'score' });
    const expected = eloExpectedScore(this.ratings[a], this.ratings[b], this.scale);
    const delta = this.k * (score - expected);
    this.ratings[a] += delta;
    this.ratings[b] -= delta;
  }

  private id(item: string): number {
    const i = this.index.get(item);
    if (i === undefined) throw new InputError(message.eloUnknownItem(item), { field: 'item' });
    return i;
  }
}

/**
 * Runs Elo over comparisons in their given order (entry by entry, each `count` times; a tie
 * outcome scores ½), and returns the final ratings in `items` order. Deterministic: the same
 * comparisons in the same order give the same ratings.
 *
 * @throws InputError on malformed comparisons or a non-integer count.
 */
export function eloRatings(comparisons: Comparisons, options: EloOptions = {}): Float64Array {
  validateComparisons(comparisons, 'Elo', true);
  const elo = new Elo(comparisons.items, options);
  const { first, second, outcome, count } = comparisons;
  for (let e = 0; e < first.length; e++) {
    if (!Number.isInteger(count[e])) throw new InputError(message.eloFractionalCount(count[e]), { index: e, field: 'count' });
    const score = outcome[e] === 0 ? 1 : outcome[e] === 1 ? 0 : 0.5;
    for (let t = 0; t < count[e]; t++) elo.game(first[e], second[e], score);
  }
  return elo.snapshot();
}
