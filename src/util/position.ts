import type { Point, Position } from '../types.js';

/** Line starts of a text, for turning offsets into points. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    // A search a line (the built-in's scan), not a test a character in a loop run cold.
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /** The point of a 0-based offset. */
  point(offset: number): Point {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1, offset };
  }

  position(start: number, end: number): Position {
    return { start: this.point(start), end: this.point(end) };
  }
}

/** `12:1-14:27`, or `12:1` for a point (unist-util-stringify-position). */
export function stringifyPosition(place: Position | Point | undefined): string {
  if (!place) return '1:1';
  if ('start' in place) return `${place.start.line}:${place.start.column}`;
  return `${place.line}:${place.column}`;
}

/** A copy of a point moved `delta` characters to the right on the same line. */
export function shiftPoint(point: Point, delta: number): Point {
  return { line: point.line, column: point.column + delta, offset: point.offset + delta };
}
