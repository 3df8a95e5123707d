/**
 * Paired comparisons in typed arrays: one entry per distinct (first, second, outcome)
 * with a multiplicity. Item ids index `items`.
 *
 * `first` is the item in the first position (item_a: the "home" side when an order
 * effect is fitted). For `winner,loser` input, `first` is the winner and `outcome` is 0,
 * and no order effect can be estimated.
 */
export interface Comparisons {
  readonly items: readonly string[];
  readonly first: Int32Array;
  readonly second: Int32Array;
  /** 0: first wins, 1: second wins, 2: tie. */
  readonly outcome: Uint8Array;
  /** Multiplicity of each entry (positive reals: survey weights allowed). */
  readonly count: Float64Array;
  /** Whether positions are meaningful (item_a/item_b input). */
  readonly ordered: boolean;
}

export const Outcome = { firstWins: 0, secondWins: 1, tie: 2 } as const;
