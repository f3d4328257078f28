// Maps a path inside a parsed YAML document to the line and column where it (or its nearest parent) sits.
import { type Document, isNode, type LineCounter } from 'yaml';

export interface Position {
  line: number;
  column: number;
}

/** Line and column (1-based) of the node at `path`, falling back to the closest ancestor that exists. */
export function locate(doc: Document, counter: LineCounter, path: readonly PropertyKey[]): Position {
  const keys = path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  for (let n = keys.length; n >= 0; n -= 1) {
    const node = n === 0 ? doc.contents : doc.getIn(keys.slice(0, n), true);
    if (isNode(node) && node.range) {
      const { line, col } = counter.linePos(node.range[0]);
      return { line, column: col };
    }
  }
  return { line: 1, column: 1 };
}
