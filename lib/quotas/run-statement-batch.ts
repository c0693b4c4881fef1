import { getStatementBatchPool, type Db } from '@/lib/db/pool';
import { retryOnDeadlock } from '@/lib/db/retry-on-deadlock';
import { isQuotaRefusal, type QuotaStatements } from './quota-statements';

type Row = Record<string, unknown>;

export type BatchOutcome = { row: Row; refusedByQuota: boolean };

/**
 * Sends one multi-statement batch (fixed texts, values only as `?`; see getStatementBatchPool) on one
 * connection and returns the first row of its last result set. A failed statement stops the rest,
 * COMMIT included, so the transaction is rolled back before the connection goes back to the pool.
 * When quota statements ride in the batch and their take is refused, the refusal is not an error:
 * after the rollback, `quota.select` is read on the same connection (its variables are the session's).
 * A deadlock victim is run again whole.
 */
export async function runStatementBatch(db: Db, text: string, values: unknown[], quota: QuotaStatements | null): Promise<BatchOutcome> {
  const pool = getStatementBatchPool(db);
  return retryOnDeadlock(async () => {
    const conn = await pool.getConnection();
    let reusable = true;
    try {
      try {
        const [results] = (await conn.query(text, values)) as unknown as [unknown[]];
        const rows = results.findLast(Array.isArray) as Row[] | undefined;
        if (!rows?.[0]) throw new Error('The statement batch returned no row');
        return { row: rows[0], refusedByQuota: false };
      } catch (err) {
        // A deadlock victim is already rolled back; this is harmless then.
        await conn.query('ROLLBACK').catch(() => {
          reusable = false;
        });
        if (!quota || !reusable || !isQuotaRefusal(err)) throw err;
      }
      const [rows] = (await conn.query(`SELECT ${quota.select}`, quota.selectValues)) as unknown as [Row[]];
      return { row: rows[0]!, refusedByQuota: true };
    } finally {
      if (reusable) conn.release();
      else conn.destroy();
    }
  });
}
