import { expect } from 'chai';
import { BilldiffError } from '../../src/util/errors.js';

/** The error `fn` throws, as the CLI prints it (`file:line:col: message`); fails when it throws none or another kind. */
export function failure(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).to.be.instanceOf(BilldiffError);
    return (error as BilldiffError).toString();
  }
  throw new Error('expected an error');
}
