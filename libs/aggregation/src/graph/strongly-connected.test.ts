import { describe, expect, it } from 'vitest';
import { adjacencyFromEdges, adjacencyFromMatrix, componentMembers, itemsOutsideLargestComponent, stronglyConnectedComponents } from './strongly-connected.js';

// Cormen, Leiserson, Rivest & Stein, *Introduction to Algorithms* (3rd ed.), Figure 22.9: vertices
// a..h; its strongly connected components are {a, b, e}, {c, d}, {f, g}, {h}.
const [a, b, c, d, e, f, g, h] = [0, 1, 2, 3, 4, 5, 6, 7];
const edges: [number, number][] = [
  [a, b], [b, c], [b, e], [b, f], [c, d], [c, g], [d, c], [d, h], [e, a], [e, f], [f, g], [g, f], [g, h], [h, h],
];
const graph = adjacencyFromEdges(8, Int32Array.from(edges, ([x]) => x), Int32Array.from(edges, ([, y]) => y));

describe('stronglyConnectedComponents (Tarjan)', () => {
  it('finds the components of CLRS Figure 22.9, numbered sinks first', () => {
    // Oracle: the published figure. The condensation is {a,b,e} → {c,d} → {f,g} → {h} plus
    // {a,b,e} → {f,g} and {c,d} → {h}, so the only reverse topological order is h, fg, cd, abe.
    const found = stronglyConnectedComponents(graph);
    expect(found.count).toBe(4);
    expect(componentMembers(found)).toEqual([[h], [f, g], [c, d], [a, b, e]]);
  });

  it('gives the same components from the dense form', () => {
    const has = new Set(edges.map(([x, y]) => x * 8 + y));
    expect(componentMembers(stronglyConnectedComponents(adjacencyFromMatrix(8, (i, j) => has.has(i * 8 + j))))).toEqual([[h], [f, g], [c, d], [a, b, e]]);
  });

  it('handles a 200,000-vertex cycle without recursion (one component)', () => {
    // Regression guard: a recursive Tarjan overflows the call stack at this depth.
    const n = 200_000;
    const from = Int32Array.from({ length: n }, (_, i) => i);
    const to = Int32Array.from({ length: n }, (_, i) => (i + 1) % n);
    expect(stronglyConnectedComponents(adjacencyFromEdges(n, from, to)).count).toBe(1);
  });

  it('lists the vertices outside the largest component', () => {
    // {a, b, e} (3 vertices) is the largest component of Figure 22.9.
    expect(itemsOutsideLargestComponent(8, Int32Array.from(edges, ([x]) => x), Int32Array.from(edges, ([, y]) => y))).toEqual([c, d, f, g, h]);
  });
});
