/**
 * A directed graph on vertices 0..n−1 in compressed sparse row form: the edges out of v go
 * to `target[start[v] .. start[v + 1])`, visited in that order.
 */
export interface Adjacency {
  readonly n: number;
  readonly start: Int32Array;
  readonly target: Int32Array;
}

/** The {@link Adjacency} of an edge list (edges out of a vertex keep their list order). */
export function adjacencyFromEdges(n: number, from: Int32Array, to: Int32Array): Adjacency {
  const start = new Int32Array(n + 1);
  for (let e = 0; e < from.length; e++) start[from[e] + 1]++;
  for (let i = 0; i < n; i++) start[i + 1] += start[i];
  const fill = start.slice(0, n);
  const target = new Int32Array(from.length);
  for (let e = 0; e < from.length; e++) target[fill[from[e]]++] = to[e];
  return { n, start, target };
}

/** The {@link Adjacency} of a dense graph with an edge i → j (i ≠ j) exactly when `edge(i, j)`; O(n²). */
export function adjacencyFromMatrix(n: number, edge: (i: number, j: number) => boolean): Adjacency {
  const start = new Int32Array(n + 1);
  const targets: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) if (j !== i && edge(i, j)) targets.push(j);
    start[i + 1] = targets.length;
  }
  return { n, start, target: Int32Array.from(targets) };
}

/** Strongly connected components: `component[v]` in 0..count−1. */
export interface Components {
  readonly component: Int32Array;
  readonly count: number;
}

/**
 * Strongly connected components (Tarjan, "Depth-first search and linear graph algorithms",
 * *SIAM J. Comput.* 1(2), 1972), iterative with typed-array stacks so that deep graphs do not
 * overflow the call stack; O(n + edges). Roots are tried in vertex order and edges in
 * adjacency order. Components are numbered in the order Tarjan emits them, which is a reverse
 * topological order of the condensation: a component is numbered only after every component
 * it reaches, so component 0 is a sink and component count − 1 a source.
 */
export function stronglyConnectedComponents(graph: Adjacency): Components {
  const { n, start, target } = graph;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const component = new Int32Array(n).fill(-1);
  const stack = new Int32Array(n);
  const callVertex = new Int32Array(n);
  const callEdge = new Int32Array(n);
  let top = 0;
  let counter = 0;
  let count = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] >= 0) continue;
    let depth = 0;
    callVertex[0] = root;
    callEdge[0] = start[root];
    index[root] = low[root] = counter++;
    stack[top++] = root;
    onStack[root] = 1;
    while (depth >= 0) {
      const v = callVertex[depth];
      if (callEdge[depth] < start[v + 1]) {
        const w = target[callEdge[depth]++];
        if (index[w] < 0) {
          index[w] = low[w] = counter++;
          stack[top++] = w;
          onStack[w] = 1;
          depth++;
          callVertex[depth] = w;
          callEdge[depth] = start[w];
        } else if (onStack[w] === 1 && index[w] < low[v]) low[v] = index[w];
        continue;
      }
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack[--top];
          onStack[w] = 0;
          component[w] = count;
        } while (w !== v);
        count++;
      }
      depth--;
      if (depth >= 0) {
        const u = callVertex[depth];
        if (low[v] < low[u]) low[u] = low[v];
      }
    }
  }
  return { component, count };
}

/** The members of each component, by component number, each sorted increasingly. */
export function componentMembers({ component, count }: Components): number[][] {
  const members: number[][] = Array.from({ length: count }, () => []);
  for (let v = 0; v < component.length; v++) members[component[v]].push(v);
  return members;
}

/**
 * Vertices outside the largest strongly connected component of the graph with edges
 * `from[e] → to[e]` (the earliest-numbered component when several are largest). For a "beats"
 * graph (an edge a → b when a beat b at least once) Bradley–Terry-type maximum-likelihood
 * estimates exist exactly when it is strongly connected (Ford 1957; Hunter 2004, Assumption 1),
 * so an empty result means the item strengths are identified.
 */
export function itemsOutsideLargestComponent(n: number, from: Int32Array, to: Int32Array): number[] {
  const { component, count } = stronglyConnectedComponents(adjacencyFromEdges(n, from, to));
  const size = new Int32Array(count);
  for (let i = 0; i < n; i++) size[component[i]]++;
  let largest = 0;
  for (let c = 1; c < count; c++) if (size[c] > size[largest]) largest = c;
  const outside: number[] = [];
  for (let i = 0; i < n; i++) if (component[i] !== largest) outside.push(i);
  return outside;
}
