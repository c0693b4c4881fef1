import { getStatementBatchPool, type Db } from '@/lib/db/pool';
import { retryOnDeadlock } from '@/lib/db/retry-on-deadlock';
import { definitionOf, windowedResourcesOf, type QuotaResource, type WindowedMetric } from './resources';
import { toSqlDatetime, windowEnd, windowStart, type Grain } from './windows';

export type QuotaUse = {
  tenantId: number;
  metric: WindowedMetric;
  /** The marketplace for per-marketplace metrics, '' otherwise. */
  scope: string;
  amount: number;
  now: Date;
  /** Refuse when the tenant is missing or disabled (webhooks); outbound calls of a running job pass false. */
  requireActiveTenant: boolean;
};

/** One limited window as it stands after the use (or the refusal). */
export type QuotaWindowState = {
  resource: QuotaResource;
  scope: string;
  grain: Grain;
  limit: number;
  used: number;
  windowStart: Date;
  resetAt: Date;
};

export type QuotaDecision =
  | { allowed: true; windows: QuotaWindowState[] }
  | { allowed: false; reason: 'quota'; windows: QuotaWindowState[]; refusedBy: QuotaWindowState }
  | { allowed: false; reason: 'tenant_inactive'; windows: [] };

const GRAINS: readonly Grain[] = ['minute', 'day'];

type GrainPlan = { grain: Grain; resource: QuotaResource | null; windowStart: Date };

/**
 * The statements of one use, sent together in one round trip (getStatementBatchPool: fixed texts, values
 * only as `?`). Each grain's row takes the amount with an atomic conditional upsert: inserted when the
 * window is new, `used = used + n` only while `used + n <= limit` otherwise. A row's lock is held by the
 * transaction, so concurrent uses queue on it and the sum never passes the limit, across any number of
 * instances. When the day refuses after the minute took, the minute is given back inside the same
 * transaction, so no one ever sees the half-taken state. READ COMMITTED: the closing SELECT reads the
 * counters as committed now, not as of the transaction's first read.
 */
function statementsOf(use: QuotaUse, plans: GrainPlan[]): { text: string; values: unknown[] } {
  const text: string[] = [
    'SET TRANSACTION ISOLATION LEVEL READ COMMITTED;',
    'START TRANSACTION;',
    "SET @msc_q_active = IF(? = 1, COALESCE((SELECT status = 'active' FROM msc_tenant WHERE id = ?), 0), 1);",
    'SET @msc_q_ok = @msc_q_active;',
  ];
  const values: unknown[] = [use.requireActiveTenant ? 1 : 0, use.tenantId];
  const key = (plan: GrainPlan) => [use.tenantId, use.metric, use.scope, plan.grain, toSqlDatetime(plan.windowStart)];
  const WHERE_KEY = 'tenant_id = ? AND metric = ? AND scope = ? AND grain = ? AND window_start = ?';

  for (const plan of plans) {
    const g = plan.grain;
    if (plan.resource) {
      text.push(
        `SET @msc_q_lim_${g} = COALESCE((SELECT limit_value FROM msc_quota_limit WHERE tenant_id = ? AND resource = ? AND scope = ?), ?);`,
      );
      values.push(use.tenantId, plan.resource, use.scope, definitionOf(plan.resource).defaultLimit);
    } else {
      // Counted for the usage page's history, not limited.
      text.push(`SET @msc_q_lim_${g} = NULL;`);
    }
    text.push(
      'INSERT INTO msc_quota_usage (tenant_id, metric, scope, grain, window_start, used) ' +
        `SELECT ?, ?, ?, ?, ?, ? FROM DUAL WHERE @msc_q_ok = 1 AND (@msc_q_lim_${g} IS NULL OR ? <= @msc_q_lim_${g}) ` +
        `ON DUPLICATE KEY UPDATE used = IF(@msc_q_ok = 1 AND (@msc_q_lim_${g} IS NULL OR used + ? <= @msc_q_lim_${g}), used + ?, used);`,
      // Without FOUND_ROWS an upsert counts 1 inserted, 2 updated, 0 unchanged: 0 is a refusal (or a use of 0).
      `SET @msc_q_took_${g} = @msc_q_ok AND (ROW_COUNT() > 0 OR ? = 0);`,
      `SET @msc_q_ok = @msc_q_took_${g};`,
    );
    values.push(...key(plan), use.amount, use.amount, use.amount, use.amount, use.amount);
  }
  for (const plan of plans.slice(0, -1)) {
    text.push(`UPDATE msc_quota_usage SET used = used - ? WHERE ${WHERE_KEY} AND @msc_q_ok = 0 AND @msc_q_took_${plan.grain} = 1;`);
    values.push(use.amount, ...key(plan));
  }
  const usedColumns = plans.map((plan) => `(SELECT used FROM msc_quota_usage WHERE ${WHERE_KEY}) AS used_${plan.grain}`);
  for (const plan of plans) values.push(...key(plan));
  const limitColumns = plans.map((plan) => `@msc_q_lim_${plan.grain} AS lim_${plan.grain}`);
  text.push(`SELECT @msc_q_active AS active, @msc_q_ok AS ok, ${[...limitColumns, ...usedColumns].join(', ')};`, 'COMMIT;');
  return { text: text.join(' '), values };
}

type ResultRow = Record<string, number | string | null>;

/**
 * Takes `amount` of a windowed metric for a tenant if every limited window (minute, day) has room,
 * else nothing. Exact across instances: the database decides, in one round trip and one transaction.
 */
export async function consumeQuota(db: Db, use: QuotaUse): Promise<QuotaDecision> {
  const limited = new Map(windowedResourcesOf(use.metric).map(({ resource, window }) => [window, resource]));
  const plans: GrainPlan[] = GRAINS.map((grain) => ({ grain, resource: limited.get(grain) ?? null, windowStart: windowStart(grain, use.now) }));
  const { text, values } = statementsOf(use, plans);
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

  if (Number(row.active) !== 1) return { allowed: false, reason: 'tenant_inactive', windows: [] };
  const windows: QuotaWindowState[] = [];
  for (const plan of plans) {
    if (!plan.resource) continue;
    windows.push({
      resource: plan.resource,
      scope: use.scope,
      grain: plan.grain,
      limit: Number(row[`lim_${plan.grain}`]),
      used: Number(row[`used_${plan.grain}`] ?? 0),
      windowStart: plan.windowStart,
      resetAt: windowEnd(plan.grain, use.now),
    });
  }
  if (Number(row.ok) === 1) return { allowed: true, windows };
  const refusedBy = windows.find((w) => w.used + use.amount > w.limit) ?? windows[0];
  if (!refusedBy) throw new Error(`Quota use of ${use.metric} refused with no limited window`);
  return { allowed: false, reason: 'quota', windows, refusedBy };
}
