import type { Alignment } from '../types.js';

/** Version of the JSON shape; bumped when a field changes meaning. */
export const JSON_FORMAT_VERSION = 1;

/** The alignment as stable, indented JSON (the shape is documented in the README). */
export function renderJson(alignment: Alignment): string {
  return JSON.stringify({ billdiff: JSON_FORMAT_VERSION, ...alignment }, null, 2) + '\n';
}
