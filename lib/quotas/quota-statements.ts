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
 * The statements that take a use inside the caller's transaction, for one round trip with whatever the
 * caller sends around them (fixed texts; values only as `?`), in two parts:
 * - `prepare` reads whether the tenant is active and its limits: plain reads that lock nothing, so a
 *   caller sends them first;
 * - `take` takes the amount from each grain's counter row with an atomic conditional upsert: inserted
 *   when the window is new, `used = used + n` only while `used + n <= limit` otherwise. The row stays
 *   locked until the caller's transaction ends, so concurrent uses queue on it and the sum never passes
 *   the limit, across any number of instances. Send it as late as possible (just before COMMIT): the
 *   tenant's uses queue for as long as it holds the rows.
 * When the day refuses after the minute took, the minute is given back in the same transaction, so no
 * one ever sees the half-taken state. Afterwards `@msc_q_ok` is 1 when the use was taken, 0 when refused,
 * and `select` reads what decisionFrom needs. Every windowed metric is counted per minute and per day
 * (the usage page's history); only grains with a quota resource are limited. Without FOUND_ROWS
 * (getStatementBatchPool) an upsert counts 1 inserted, 2 updated, 0 unchanged.
 */
export function quotaStatements(use: QuotaUse) {
  const limited = new Map(windowedResourcesOf(use.metric).map(({ resource, window }) => [window, resource]));
  const plans: GrainPlan[] = GRAINS.map((grain) => ({ grain, resource: limited.get(grain) ?? null, windowStart: windowStart(grain, use.now) }));
  const key = (plan: GrainPlan) => [use.tenantId, use.metric, use.scope, plan.grain, toSqlDatetime(plan.windowStart)];
  const WHERE_KEY = 'tenant_id = ? AND metric = ? AND scope = ? AND grain = ? AND window_start = ?';

  // One statement: the assignments are independent of each other.
  const assignments = ["@msc_q_active = IF(? = 1, COALESCE((SELECT status = 'active' FROM msc_tenant WHERE id = ?), 0), 1)"];
  const prepare = { text: [] as string[], values: [use.requireActiveTenant ? 1 : 0, use.tenantId] as unknown[] };
  for (const plan of plans) {
    if (plan.resource) {
      assignments.push(`@msc_q_lim_${plan.grain} = COALESCE((SELECT limit_value FROM msc_quota_limit WHERE tenant_id = ? AND resource = ? AND scope = ?), ?)`);
      prepare.values.push(use.tenantId, plan.resource, use.scope, definitionOf(plan.resource).defaultLimit);
    } else {
      assignments.push(`@msc_q_lim_${plan.grain} = NULL`);
    }
  }
  prepare.text.push(`SET ${assignments.join(', ')};`);

  // A chain: each grain is tried only if the one before took (the first only if the tenant is active);
  // the last grain's outcome is the use's, @msc_q_ok.
  const take = { text: [] as string[], values: [] as unknown[] };
  let previous = '@msc_q_active';
  for (const [i, plan] of plans.entries()) {
    const g = plan.grain;
    const took = i === plans.length - 1 ? '@msc_q_ok' : `@msc_q_took_${g}`;
    take.text.push(
      'INSERT INTO msc_quota_usage (tenant_id, metric, scope, grain, window_start, used) ' +
        `SELECT ?, ?, ?, ?, ?, ? FROM DUAL WHERE ${previous} = 1 AND (@msc_q_lim_${g} IS NULL OR ? <= @msc_q_lim_${g}) ` +
        `ON DUPLICATE KEY UPDATE used = IF(${previous} = 1 AND (@msc_q_lim_${g} IS NULL OR used + ? <= @msc_q_lim_${g}), used + ?, used);`,
      // A use of 0 changes nothing and still passes.
      `SET ${took} = ${previous} AND (ROW_COUNT() > 0 OR ? = 0);`,
    );
    take.values.push(...key(plan), use.amount, use.amount, use.amount, use.amount, use.amount);
    previous = took;
  }
  for (const plan of plans.slice(0, -1)) {
    take.text.push(`UPDATE msc_quota_usage SET used = used - ? WHERE ${WHERE_KEY} AND @msc_q_ok = 0 AND @msc_q_took_${plan.grain} = 1;`);
    take.values.push(use.amount, ...key(plan));
  }

  const select = [
    '@msc_q_active AS q_active',
    '@msc_q_ok AS q_ok',
    ...plans.map((plan, i) => `${i === plans.length - 1 ? '@msc_q_ok' : `@msc_q_took_${plan.grain}`} AS q_took_${plan.grain}`),
    ...plans.map((plan) => `@msc_q_lim_${plan.grain} AS q_lim_${plan.grain}`),
    ...plans.map((plan) => `(SELECT used FROM msc_quota_usage WHERE ${WHERE_KEY}) AS q_used_${plan.grain}`),
  ].join(', ');
  const selectValues = plans.flatMap(key);
  return { prepare, take, select, selectValues, plans };
}

export type QuotaStatements = ReturnType<typeof quotaStatements>;

/** The decision, from the columns `select` read at the end of the transaction. */
export function decisionFrom(row: Record<string, unknown>, use: QuotaUse, plans: QuotaStatements['plans']): QuotaDecision {
  if (Number(row.q_active) !== 1) return { allowed: false, reason: 'tenant_inactive', windows: [] };
  const windows: QuotaWindowState[] = [];
  let refusedBy: QuotaWindowState | undefined;
  for (const plan of plans) {
    if (!plan.resource) continue;
    const state: QuotaWindowState = {
      resource: plan.resource,
      scope: use.scope,
      grain: plan.grain,
      limit: Number(row[`q_lim_${plan.grain}`]),
      used: Number(row[`q_used_${plan.grain}`] ?? 0),
      windowStart: plan.windowStart,
      resetAt: windowEnd(plan.grain, use.now),
    };
    windows.push(state);
    // Grains are tried in order and stop at the first refusal: the first limited one that did not take refused.
    if (!refusedBy && Number(row[`q_took_${plan.grain}`]) !== 1) refusedBy = state;
  }
  if (Number(row.q_ok) === 1) return { allowed: true, windows };
  if (!refusedBy) throw new Error(`Quota use of ${use.metric} refused with no limited window`);
  return { allowed: false, reason: 'quota', windows, refusedBy };
}
