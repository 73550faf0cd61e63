import type { Alignment } from '../types.js';

/** Version of the JSON shape; bumped when a field changes meaning. */
export const JSON_FORMAT_VERSION = 1;

/** Options for the JSON rendering. */
export interface JsonOptions {
  /**
   * Spaces of indentation; 0 writes one compact line (a large bill's JSON is half the size).
   * @default 0
   */
  indent?: number;
}

/** The alignment as stable JSON (the shape is documented in the README). */
export function renderJson(alignment: Alignment, options: JsonOptions = {}): string {
  return JSON.stringify({ billdiff: JSON_FORMAT_VERSION, ...alignment }, null, options.indent ?? 0) + '\n';
}
