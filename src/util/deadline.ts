import { BilldiffError } from './errors.js';

/**
 * When a comparison must be done by: one budget covers reading both inputs and aligning them.
 * The readers stop with a `budget` error when it runs out; the aligner shows what remains as
 * whole replacements.
 */
export interface Deadline {
  /** The whole budget, in milliseconds (for messages). */
  budget: number;
  /** The time it runs out, on `now`'s clock. */
  at: number;
  /** The clock (tests pass a fake one). */
  now: () => number;
}

/** A deadline `budget` milliseconds from now. */
export function deadlineIn(budget: number, now: () => number = () => performance.now()): Deadline {
  return { budget, at: now() + budget, now };
}

/** Whether the deadline has passed (never, without one). */
export function isPast(deadline: Deadline | undefined): boolean {
  return deadline !== undefined && deadline.now() > deadline.at;
}

/** Stops reading `file` when the deadline has passed. */
export function checkDeadline(deadline: Deadline | undefined, file: string): void {
  if (!isPast(deadline)) return;
  throw new BilldiffError(
    `reading the input took longer than the comparison's ${deadline!.budget} ms budget; give more time (--budget) or a shorter text`,
    { file, code: 'budget' },
  );
}
