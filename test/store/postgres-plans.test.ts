import assert from 'node:assert/strict';
import { openPostgres } from '../../src/store/postgres.js';
import { describeBackends, POSTGRES_URL } from './backends.js';

// The search threads' pool (search-worker.ts) plans each statement once, whatever its values.
// PostgreSQL's alone; declared through describeBackends so that a bare clone counts it among the
// PostgreSQL tests it skips by name, and CI fails it when no database is given.
describeBackends('PostgreSQL: generic plans for the search threads', (_backend, kind) => {
  if (kind !== 'postgres') return;
  it('plans a statement with parameters once, generic, on a pool of genericPlans', async () => {
    const db = openPostgres(POSTGRES_URL!, { max: 1, genericPlans: true });
    try {
      assert.equal((await db.get<{ plan_cache_mode: string }>('SHOW plan_cache_mode'))?.plan_cache_mode, 'force_generic_plan');
      for (const n of [1, 2, 3]) assert.equal((await db.get<{ n: number }>('SELECT CAST(? AS integer) + 1 AS n FROM pg_class WHERE relname = ?', [n, 'pg_class']))?.n, n + 1);
      const plans = await db.get<{ generic_plans: number; custom_plans: number }>("SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE statement LIKE '%relname = $2%'");
      assert.deepEqual({ generic: Number(plans?.generic_plans), custom: Number(plans?.custom_plans) }, { generic: 3, custom: 0 });
    } finally {
      await db.close();
    }
  });

  it('leaves the choice to PostgreSQL on other pools', async () => {
    const db = openPostgres(POSTGRES_URL!, { max: 1 });
    try {
      assert.equal((await db.get<{ plan_cache_mode: string }>('SHOW plan_cache_mode'))?.plan_cache_mode, 'auto');
    } finally {
      await db.close();
    }
  });
});
