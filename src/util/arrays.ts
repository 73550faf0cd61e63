import type { Level, Root } from '../types.js';

/**
 * Appends the items to `target` one by one. `target.push(...items)` passes every item as an
 * argument, and a long array (100,000 levels) overflows the stack.
 */
export function pushAll<T>(target: T[], items: readonly T[]): T[] {
  for (let i = 0; i < items.length; i++) target.push(items[i]!);
  return target;
}

/**
 * Cuts every array of children in a tree read whole to its size: an array that starts empty and is
 * pushed to keeps room for 17 elements, most levels hold one or two. (An explicit stack, not
 * recursion: a tree may be deep.)
 */
export function trimChildren(root: Root): void {
  const stack: Array<Root | Level> = [root];
  while (stack.length) {
    const node = stack.pop()!;
    const { children } = node;
    node.children = children.slice();
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (child.type === 'level') stack.push(child);
    }
  }
}
