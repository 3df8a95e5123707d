import { describe, expect, it } from 'vitest';
import { beatsComponents, pairGraph } from './graph.js';
import { comparisonsFromRows } from './read-comparisons.js';

describe('pairGraph', () => {
  it('aggregates wins and ties per pair, with or without positions', () => {
    const c = comparisonsFromRows([
      { itemA: 'a', itemB: 'b', outcome: 'a', count: 2 },
      { itemA: 'b', itemB: 'a', outcome: 'a', count: 1 },
      { itemA: 'b', itemB: 'a', outcome: 'tie', count: 0.5 },
      { itemA: 'c', itemB: 'a', outcome: 'b', count: 4 },
    ]);
    const unordered = pairGraph(c, false);
    // hand count: {a,b}: a won 2, b won 1, tie 0.5; {a,c}: a won 4
    expect(unordered.pairs).toBe(2);
    expect([Array.from(unordered.a), Array.from(unordered.b)]).toEqual([[0, 0], [1, 2]]);
    expect(Array.from(unordered.winA)).toEqual([2, 4]);
    expect(Array.from(unordered.winB)).toEqual([1, 0]);
    expect(Array.from(unordered.tie)).toEqual([0.5, 0]);
    expect(Array.from(unordered.wins)).toEqual([6, 1, 0]);
    expect(Array.from(unordered.total)).toEqual([7.5, 3.5, 4]);
    const ordered = pairGraph(c, true);
    expect(ordered.pairs).toBe(3);
    expect(ordered.ties).toBe(0.5);
    // (b first, a second): b won 1 at home, tie 0.5
    const p = Array.from(ordered.a).findIndex((x, k) => x === 1 && ordered.b[k] === 0);
    expect([ordered.winA[p], ordered.winB[p], ordered.tie[p]]).toEqual([1, 0, 0.5]);
  });
});

describe('beatsComponents (Tarjan)', () => {
  it('finds strongly connected groups, strongest first', () => {
    // hand-drawn: {a,b} beat each other, a beats c, {c,d} beat each other, d beats e.
    const c = comparisonsFromRows(['ab', 'ba', 'ac', 'cd', 'dc', 'de'].map(([w, l]) => ({ winner: w, loser: l })));
    const { groups, component } = beatsComponents(pairGraph(c, false), false);
    expect(groups.map((g) => g.map((i) => c.items[i]))).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(Array.from(component)).toEqual([0, 0, 1, 1, 2]);
  });

  it('lets a tie connect both ways only when ties are modelled', () => {
    const c = comparisonsFromRows([
      { itemA: 'a', itemB: 'b', outcome: 'a' },
      { itemA: 'a', itemB: 'b', outcome: 'tie' },
    ]);
    expect(beatsComponents(pairGraph(c, false), false).groups.length).toBe(2);
    expect(beatsComponents(pairGraph(c, false), true).groups.length).toBe(1);
  });
});
