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
 * - `prepare` reads whether the tenant is active and its limits into variables: one plain read that
 *   locks nothing, so a caller sends it first;
 * - `take` adds the amount to every grain's counter row in one upsert (inserted when the window is
 *   new), reads the counters back, and gives the amount back to all of them when the tenant is not
 *   active or any limited window went past its limit. The rows stay locked until the caller's
 *   transaction ends, so concurrent uses queue on them and what is committed never passes a limit,
 *   across any number of instances; a refused use's take and give-back are never seen by anyone. Send
 *   it as late as possible (just before COMMIT): the tenant's uses queue for as long as it holds them.
 * Afterwards `@msc_q_ok` is 1 when the use was taken, 0 when refused, and `select` reads what
 * decisionFrom needs (variables only). Every windowed metric is counted per minute and per day (the
 * usage page's history); only grains with a quota resource are limited. A use of 0 changes nothing and
 * passes while the tenant is active. Counters read back in the caller's transaction are its own writes,
 * the latest, whatever the isolation level.
 */
export function quotaStatements(use: QuotaUse) {
  const limited = new Map(windowedResourcesOf(use.metric).map(({ resource, window }) => [window, resource]));
  const plans: GrainPlan[] = GRAINS.map((grain) => ({ grain, resource: limited.get(grain) ?? null, windowStart: windowStart(grain, use.now) }));
  const metricKey = [use.tenantId, use.metric, use.scope];
  const eachWindow = plans.map(() => '(grain = ? AND window_start = ?)').join(' OR ');
  const windowValues = plans.flatMap((plan) => [plan.grain, toSqlDatetime(plan.windowStart)]);

  // An aggregate always returns one row, so every variable is set even when the tenant is missing.
  const limitColumns = plans.map((plan) => (plan.resource ? `COALESCE(MAX(l_${plan.grain}.limit_value), ?)` : 'NULL'));
  const limitJoins = plans
    .filter((plan) => plan.resource)
    .map((plan) => `LEFT JOIN msc_quota_limit l_${plan.grain} ON l_${plan.grain}.tenant_id = t.id AND l_${plan.grain}.resource = ? AND l_${plan.grain}.scope = ?`);
  const prepare = {
    text: [
      `SELECT IF(? = 1, COALESCE(MAX(t.status = 'active'), 0), 1), ${limitColumns.join(', ')} ` +
        `FROM msc_tenant t ${limitJoins.join(' ')} WHERE t.id = ? ` +
        `INTO @msc_q_active, ${plans.map((plan) => `@msc_q_lim_${plan.grain}`).join(', ')};`,
    ],
    values: [
      use.requireActiveTenant ? 1 : 0,
      ...plans.flatMap((plan) => (plan.resource ? [definitionOf(plan.resource).defaultLimit] : [])),
      ...plans.flatMap((plan) => (plan.resource ? [plan.resource, use.scope] : [])),
      use.tenantId,
    ] as unknown[],
  };

  const withinLimit = (plan: GrainPlan) => `(@msc_q_lim_${plan.grain} IS NULL OR @msc_q_used_${plan.grain} <= @msc_q_lim_${plan.grain})`;
  const take = {
    text: [
      'INSERT INTO msc_quota_usage (tenant_id, metric, scope, grain, window_start, used) VALUES ' +
        plans.map(() => '(?, ?, ?, ?, ?, ?)').join(', ') +
        ' ON DUPLICATE KEY UPDATE used = used + ?;',
      `SELECT ${plans.map((plan) => `MAX(IF(grain = '${plan.grain}', used, NULL))`).join(', ')} FROM msc_quota_usage ` +
        `WHERE tenant_id = ? AND metric = ? AND scope = ? AND (${eachWindow}) INTO ${plans.map((plan) => `@msc_q_used_${plan.grain}`).join(', ')};`,
      `SET @msc_q_ok = @msc_q_active = 1 AND (? = 0 OR (${plans.map(withinLimit).join(' AND ')}));`,
      `UPDATE msc_quota_usage SET used = used - ? WHERE @msc_q_ok = 0 AND tenant_id = ? AND metric = ? AND scope = ? AND (${eachWindow});`,
    ],
    values: [
      ...plans.flatMap((plan) => [...metricKey, plan.grain, toSqlDatetime(plan.windowStart), use.amount]),
      use.amount,
      ...metricKey,
      ...windowValues,
      use.amount,
      use.amount,
      ...metricKey,
      ...windowValues,
    ] as unknown[],
  };

  const select = [
    '@msc_q_active AS q_active',
    '@msc_q_ok AS q_ok',
    ...plans.map((plan) => `@msc_q_lim_${plan.grain} AS q_lim_${plan.grain}`),
    ...plans.map((plan) => `@msc_q_used_${plan.grain} AS q_used_${plan.grain}`),
  ].join(', ');
  return { prepare, take, select, selectValues: [] as unknown[], plans };
}

export type QuotaStatements = ReturnType<typeof quotaStatements>;

/**
 * The decision, from the columns `select` read at the end of the transaction. The counters were read
 * with the use added; a refused use was given back, so its windows stand at that minus the amount.
 */
export function decisionFrom(row: Record<string, unknown>, use: QuotaUse, plans: QuotaStatements['plans']): QuotaDecision {
  if (Number(row.q_active) !== 1) return { allowed: false, reason: 'tenant_inactive', windows: [] };
  const allowed = Number(row.q_ok) === 1;
  const windows: QuotaWindowState[] = [];
  let refusedBy: QuotaWindowState | undefined;
  for (const plan of plans) {
    if (!plan.resource) continue;
    const limit = Number(row[`q_lim_${plan.grain}`]);
    const usedWithUse = Number(row[`q_used_${plan.grain}`] ?? 0);
    const state: QuotaWindowState = {
      resource: plan.resource,
      scope: use.scope,
      grain: plan.grain,
      limit,
      used: allowed ? usedWithUse : usedWithUse - use.amount,
      windowStart: plan.windowStart,
      resetAt: windowEnd(plan.grain, use.now),
    };
    windows.push(state);
    // The first limited window the use did not fit in is the one that refused it.
    if (!refusedBy && usedWithUse > limit) refusedBy = state;
  }
  if (allowed) return { allowed: true, windows };
  if (!refusedBy) throw new Error(`Quota use of ${use.metric} refused with no limited window`);
  return { allowed: false, reason: 'quota', windows, refusedBy };
}
