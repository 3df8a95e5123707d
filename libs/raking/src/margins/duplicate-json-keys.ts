/** A key that appears twice in one JSON object: `path` are the keys of the objects that hold it (array items as `[i]`). */
export interface DuplicateJsonKey {
  readonly path: readonly string[];
  readonly key: string;
}

interface Frame {
  readonly path: readonly string[];
  /** The keys seen so far (objects only). */
  readonly keys?: Set<string>;
  /** Objects: the current key; arrays: the current index. */
  member: string;
  index: number;
  expectingKey: boolean;
}

/**
 * Finds the first key that appears twice in one object of a JSON text (RFC
 * 8259 §4 says names SHOULD be unique; `JSON.parse` silently keeps the last
 * value, and a reviver cannot see the lost ones). A single left-to-right scan
 * over the text; call it on text that `JSON.parse` accepted.
 * @example findDuplicateJsonKey('{"a":{"1":2,"1":3}}') // { path: ['a'], key: '1' }
 */
export function findDuplicateJsonKey(text: string): DuplicateJsonKey | undefined {
  const stack: Frame[] = [];
  const childPath = (): readonly string[] => {
    const top = stack[stack.length - 1];
    if (top === undefined) return [];
    return [...top.path, top.keys ? top.member : `[${top.index}]`];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '{' || ch === '[') {
      stack.push({ path: childPath(), keys: ch === '{' ? new Set() : undefined, member: '', index: 0, expectingKey: ch === '{' });
    } else if (ch === '}' || ch === ']') {
      stack.pop();
    } else if (ch === ',') {
      const top = stack[stack.length - 1];
      if (top?.keys) top.expectingKey = true;
      else if (top) top.index++;
    } else if (ch === '"') {
      let end = i + 1;
      while (text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      const top = stack[stack.length - 1];
      if (top?.keys && top.expectingKey) {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        if (top.keys.has(key)) return { path: top.path, key };
        top.keys.add(key);
        top.member = key;
        top.expectingKey = false;
      }
      i = end;
    }
  }
  return undefined;
}
