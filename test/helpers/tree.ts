import type { Content, Level, Root } from '../../src/types.js';

/** Every level of a tree, in reading order. */
export function levels(node: Root | Content, out: Level[] = []): Level[] {
  if (node.type === 'level') out.push(node);
  if (node.type === 'root' || node.type === 'level') for (const child of node.children) levels(child, out);
  return out;
}

/** A tree as JSON without positions (for shape assertions where positions are not the point). */
export function withoutPositions<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === 'position' ? undefined : v))) as T;
}
