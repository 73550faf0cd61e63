/**
 * Appends the items to `target` one by one. `target.push(...items)` passes every item as an
 * argument, and a long array (100,000 levels) overflows the stack.
 */
export function pushAll<T>(target: T[], items: readonly T[]): T[] {
  for (let i = 0; i < items.length; i++) target.push(items[i]!);
  return target;
}
