/** Mocha root hooks (loaded by .mocharc.cjs): the skip summary of tests that need ../shared. */
import { skippedSummary } from './shared.js';

export const mochaHooks = {
  afterAll(): void {
    for (const line of skippedSummary()) console.log(`\n  ${line}`);
  },
};
