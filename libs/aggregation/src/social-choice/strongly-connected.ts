/**
 * Strongly connected components of a dense directed graph on `n` vertices with an edge
 * i → j exactly when `edge(i, j)` (Tarjan, "Depth-first search and linear graph algorithms",
 * *SIAM J. Comput.* 1(2), 1972), iterative so that deep graphs do not overflow the stack.
 * Components come out in reverse topological order of the condensation: a component is
 * emitted only after every component it reaches. O(n²) calls of `edge`.
 */
export function stronglyConnectedComponents(n: number, edge: (i: number, j: number) => boolean): number[][] {
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const components: number[][] = [];
  const callStack: number[] = []; // vertex
  const nextChild = new Int32Array(n);
  let counter = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    callStack.push(root);
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    nextChild[root] = 0;
    while (callStack.length > 0) {
      const v = callStack[callStack.length - 1];
      let descended = false;
      while (nextChild[v] < n) {
        const w = nextChild[v]++;
        if (w === v || !edge(v, w)) continue;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          nextChild[w] = 0;
          callStack.push(w);
          descended = true;
          break;
        }
        if (onStack[w] === 1 && index[w] < low[v]) low[v] = index[w];
      }
      if (descended) continue;
      callStack.pop();
      if (callStack.length > 0) {
        const parent = callStack[callStack.length - 1];
        if (low[v] < low[parent]) low[parent] = low[v];
      }
      if (low[v] === index[v]) {
        const component: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          component.push(w);
        } while (w !== v);
        components.push(component.sort((a, b) => a - b));
      }
    }
  }
  return components;
}
