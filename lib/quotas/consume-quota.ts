import { getStatementBatchPool, type Db } from '@/lib/db/pool';
import { retryOnDeadlock } from '@/lib/db/retry-on-deadlock';
import { decisionFrom, quotaStatements, type QuotaDecision, type QuotaUse } from './quota-statements';

export type { QuotaDecision, QuotaUse, QuotaWindowState } from './quota-statements';

type ResultRow = Record<string, unknown>;

/**
 * Takes `amount` of a windowed metric for a tenant if every limited window (minute, day) has room,
 * else nothing: quotaStatements in a transaction of their own, in one round trip. Exact across
 * instances: the database decides. Webhook pushes do not come here: their use rides in the transaction
 * that stores them (lib/webhooks/ingest/record-delivery.ts), which saves a round trip and a commit.
 */
export async function consumeQuota(db: Db, use: QuotaUse): Promise<QuotaDecision> {
  const q = quotaStatements(use);
  // READ COMMITTED, as on the webhook path (lib/webhooks/ingest/record-delivery.ts): no gap locks from the give-back.
  const text = ['SET TRANSACTION ISOLATION LEVEL READ COMMITTED;', 'START TRANSACTION;', ...q.prepare.text, ...q.take.text, `SELECT ${q.select};`, 'COMMIT;'].join(' ');
  const values = [...q.prepare.values, ...q.take.values, ...q.selectValues];
  const pool = getStatementBatchPool(db);

  const row = await retryOnDeadlock(async () => {
    const conn = await pool.getConnection();
    let reusable = true;
    try {
      const [results] = (await conn.query(text, values)) as unknown as [unknown[]];
      const rows = results.findLast(Array.isArray) as ResultRow[] | undefined;
      if (!rows?.[0]) throw new Error('The quota statements returned no row');
      return rows[0];
    } catch (err) {
      // A failed statement stops the rest, COMMIT included: end the transaction before the connection is reused.
      await conn.query('ROLLBACK').catch(() => {
        reusable = false;
      });
      throw err;
    } finally {
      if (reusable) conn.release();
      else conn.destroy();
    }
  });
  return decisionFrom(row, use, q.plans);
}
