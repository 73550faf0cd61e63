/**
 * V8's tuning for billdiff's front doors (the CLI and the server), set before any comparison runs.
 * A comparison is short and runs once per process or per request, so V8's optimising compiler, which
 * by default inlines up to 920 bytes of bytecode into each function it optimises, spends more time
 * compiling than its code saves. At 200 (measured, `npm run bench` inputs, A/B runs on a quiet 2-core
 * machine): 119 H.R. 1 EH against P.L. 119-21 as JSON 1.25 → 1.13 s wall, 1.88 → 1.58 s CPU; the 5 MB
 * pair 1.01 → 0.93 s, 1.42 → 1.22 s CPU; the 1 MB pair and 200,000 one-character lines unchanged;
 * the server's compare page of the 1 MB pair, cache off, 12.2–12.3 → 12.7–12.9 requests a second.
 * Outputs do not depend on it (a compiler heuristic, not a semantics flag).
 */
import { setFlagsFromString } from 'node:v8';

/** The flags, as `node` would take them on its command line. */
export const V8_FLAGS: readonly string[] = ['--max-inlined-bytecode-size-cumulative=200'];

/** Sets `V8_FLAGS` in this process (worker threads share them). Call it before the first comparison. */
export function tuneV8(): void {
  for (const flag of V8_FLAGS) setFlagsFromString(flag);
}
