// mocha's configuration. In CI (`CI` set, as .ci/run sets it) nothing may be skipped: a pending test
// fails the run (`forbid-pending`), so a test that skips itself cannot pass CI unseen. A bare clone
// runs without `CI`, and the tests that need ../shared or PostgreSQL say by name why they were skipped.
'use strict';

module.exports = {
  spec: ['test/**/*.test.ts'],
  'node-option': ['import=tsx'],
  timeout: 20000,
  reporter: 'spec',
  require: ['test/helpers/root-hooks.ts'],
  'forbid-pending': Boolean(process.env.CI),
};
