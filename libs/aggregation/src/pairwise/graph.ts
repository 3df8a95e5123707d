import { componentMembers, stronglyConnectedComponents } from '../graph/strongly-connected.js';
import { Outcome, type Comparisons } from './comparisons.js';

/**
 * Comparisons aggregated by pair, in typed arrays: pair p meets items `a[p]` and
 * `b[p]`, with `winA[p]` wins of a, `winB[p]` wins of b and `tie[p]` ties (counts are
 * summed weights). With `ordered` the pair keeps positions (a is the first/home item,
 * and (a, b) and (b, a) are different pairs); otherwise a < b.
 *
 * `adjStart`/`adjPair` list, per item, the pairs it is in (CSR: item i's pairs are
 * `adjPair[adjStart[i] .. adjStart[i + 1])`).
 */
export interface PairGraph {
  readonly n: number;
  readonly pairs: number;
  readonly a: Int32Array;
  readonly b: Int32Array;
  readonly winA: Float64Array;
  readonly winB: Float64Array;
  readonly tie: Float64Array;
  readonly ordered: boolean;
  /** Wins per item (ties not counted). */
  readonly wins: Float64Array;
  /** Comparisons per item, ties included. */
  readonly total: Float64Array;
  readonly adjStart: Int32Array;
  readonly adjPair: Int32Array;
  /** Total number of ties. */
  readonly ties: number;
}

/**
 * Aggregates {@link Comparisons} by pair in O(entries + items) with a counting sort
 * (no hashing): entries are bucketed by their first endpoint, and a marker array
 * finds the pair of each second endpoint within a bucket.
 */
export function pairGraph(comparisons: Comparisons, keepOrder: boolean): PairGraph {
  const n = comparisons.items.length;
  const { first, second, outcome, count } = comparisons;
  const entries = first.length;
  const lo = new Int32Array(entries);
  const hi = new Int32Array(entries);
  const bucketStart = new Int32Array(n + 1);
  for (let k = 0; k < entries; k++) {
    const f = first[k];
    const s = second[k];
    const swap = !keepOrder && s < f;
    lo[k] = swap ? s : f;
    hi[k] = swap ? f : s;
    bucketStart[lo[k] + 1]++;
  }
  for (let i = 0; i < n; i++) bucketStart[i + 1] += bucketStart[i];
  const fill = bucketStart.slice(0, n);
  const order = new Int32Array(entries);
  for (let k = 0; k < entries; k++) order[fill[lo[k]]++] = k;

  const mark = new Int32Array(n).fill(-1);
  const slot = new Int32Array(n);
  const pa = new Int32Array(entries);
  const pb = new Int32Array(entries);
  const wa = new Float64Array(entries);
  const wb = new Float64Array(entries);
  const wt = new Float64Array(entries);
  let pairs = 0;
  let ties = 0;
  for (let i = 0; i < n; i++) {
    for (let q = bucketStart[i]; q < bucketStart[i + 1]; q++) {
      const k = order[q];
      const j = hi[k];
      if (mark[j] !== i) {
        mark[j] = i;
        slot[j] = pairs;
        pa[pairs] = i;
        pb[pairs] = j;
        pairs++;
      }
      const p = slot[j];
      const o = outcome[k];
      const c = count[k];
      if (o === Outcome.tie) {
        wt[p] += c;
        ties += c;
      } else if ((o === Outcome.firstWins) === (first[k] === i)) wa[p] += c;
      else wb[p] += c;
    }
  }
  const a = pa.slice(0, pairs);
  const b = pb.slice(0, pairs);
  const winA = wa.slice(0, pairs);
  const winB = wb.slice(0, pairs);
  const tie = wt.slice(0, pairs);
  const wins = new Float64Array(n);
  const total = new Float64Array(n);
  const adjStart = new Int32Array(n + 1);
  for (let p = 0; p < pairs; p++) {
    wins[a[p]] += winA[p];
    wins[b[p]] += winB[p];
    const t = winA[p] + winB[p] + tie[p];
    total[a[p]] += t;
    total[b[p]] += t;
    adjStart[a[p] + 1]++;
    adjStart[b[p] + 1]++;
  }
  for (let i = 0; i < n; i++) adjStart[i + 1] += adjStart[i];
  const at = adjStart.slice(0, n);
  const adjPair = new Int32Array(2 * pairs);
  for (let p = 0; p < pairs; p++) {
    adjPair[at[a[p]]++] = p;
    adjPair[at[b[p]]++] = p;
  }
  return { n, pairs, a, b, winA, winB, tie, ordered: keepOrder, wins, total, adjStart, adjPair, ties };
}

/**
 * Strongly connected components of the "beats" graph: an edge i → j when i beat j at
 * least once, and both ways for a tie (when `tiesConnect`), by the shared iterative Tarjan
 * (graph/strongly-connected.ts).
 *
 * Returns each item's component and the components ordered strongest first: no item of
 * a component ever lost to an item of a later component (Ford 1957: the Bradley–Terry
 * MLE exists iff there is exactly one component).
 */
export function beatsComponents(graph: PairGraph, tiesConnect: boolean): { component: Int32Array; groups: number[][] } {
  const { n, a, b, winA, winB, tie, adjStart, adjPair } = graph;
  const start = new Int32Array(n + 1);
  const target = new Int32Array(adjPair.length);
  let edges = 0;
  for (let v = 0; v < n; v++) {
    for (let q = adjStart[v]; q < adjStart[v + 1]; q++) {
      const p = adjPair[q];
      const beats = (tiesConnect && tie[p] > 0) || (v === a[p] ? winA[p] > 0 : winB[p] > 0);
      if (beats) target[edges++] = a[p] === v ? b[p] : a[p];
    }
    start[v + 1] = edges;
  }
  const sinkFirst = stronglyConnectedComponents({ n, start, target });
  const groups = componentMembers(sinkFirst).reverse();
  const k = sinkFirst.count;
  const component = sinkFirst.component.map((c) => k - 1 - c);
  return { component, groups };
}
