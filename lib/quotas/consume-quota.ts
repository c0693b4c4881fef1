import type { Db } from '@/lib/db/pool';
import { decisionFrom, quotaStatements, type QuotaDecision, type QuotaUse } from './quota-statements';
import { runStatementBatch } from './run-statement-batch';

export type { QuotaDecision, QuotaUse, QuotaWindowState } from './quota-statements';

/**
 * Takes `amount` of a windowed metric for a tenant if every limited window (minute, day) has room,
 * else nothing: quotaStatements in a transaction of their own, in one round trip. Exact across
 * instances: the database decides. Webhook pushes do not come here: their use rides in the transaction
 * that stores them (lib/webhooks/ingest/record-delivery.ts), which saves a round trip and a commit.
 */
export async function consumeQuota(db: Db, use: QuotaUse): Promise<QuotaDecision> {
  const q = quotaStatements(use);
  const text = ['START TRANSACTION;', ...q.prepare.text, ...q.take.text, 'COMMIT;', `SELECT ${q.select};`].join(' ');
  const values = [...q.prepare.values, ...q.take.values, ...q.selectValues];
  const { row, refusedByQuota } = await runStatementBatch(db, text, values, q);
  return decisionFrom(row, use, q.plans, !refusedByQuota);
}
