/**
 * Items outside the largest strongly connected component of the "beats" graph (an edge
 * a → b when a beat b at least once). Bradley–Terry-type maximum-likelihood estimates exist
 * exactly when this graph is strongly connected (Ford 1957; Hunter 2004, Assumption 1), so
 * an empty result means the item strengths are identified. Iterative Tarjan (1972).
 */
export function itemsOutsideLargestComponent(n: number, from: Int32Array, to: Int32Array): number[] {
  const m = from.length;
  const degree = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) degree[from[e] + 1]++;
  for (let i = 0; i < n; i++) degree[i + 1] += degree[i];
  const adjacency = new Int32Array(m);
  const fill = degree.slice(0, n);
  for (let e = 0; e < m; e++) adjacency[fill[from[e]]++] = to[e];

  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const component = new Int32Array(n).fill(-1);
  const stack: number[] = [];
  const callStack: number[] = [];
  const edgePos = new Int32Array(n);
  let counter = 0;
  let components = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] >= 0) continue;
    callStack.push(root);
    index[root] = low[root] = counter++;
    edgePos[root] = degree[root];
    stack.push(root);
    onStack[root] = 1;
    while (callStack.length > 0) {
      const v = callStack[callStack.length - 1];
      if (edgePos[v] < degree[v + 1]) {
        const w = adjacency[edgePos[v]++];
        if (index[w] < 0) {
          index[w] = low[w] = counter++;
          edgePos[w] = degree[w];
          stack.push(w);
          onStack[w] = 1;
          callStack.push(w);
        } else if (onStack[w]) {
          low[v] = Math.min(low[v], index[w]);
        }
      } else {
        callStack.pop();
        if (callStack.length > 0) {
          const parent = callStack[callStack.length - 1];
          low[parent] = Math.min(low[parent], low[v]);
        }
        if (low[v] === index[v]) {
          let w: number;
          do {
            w = stack.pop()!;
            onStack[w] = 0;
            component[w] = components;
          } while (w !== v);
          components++;
        }
      }
    }
  }
  const size = new Int32Array(components);
  for (let i = 0; i < n; i++) size[component[i]]++;
  let largest = 0;
  for (let c = 1; c < components; c++) if (size[c] > size[largest]) largest = c;
  const outside: number[] = [];
  for (let i = 0; i < n; i++) if (component[i] !== largest) outside.push(i);
  return outside;
}
