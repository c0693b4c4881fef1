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

/** The CHECK constraint on msc_quota_usage (lib/db/schema/quotas.ts) that refuses a use past a limit. */
export const WITHIN_LIMIT_CONSTRAINT = 'msc_quota_usage_within_limit';
const CHECK_VIOLATION_ERRNOS = new Set([4025 /* MariaDB ER_CONSTRAINT_FAILED */, 3819 /* MySQL ER_CHECK_CONSTRAINT_VIOLATED */]);

/** Whether a statement failed because a use did not fit (the take's upsert hit the within-limit CHECK). */
export function isQuotaRefusal(err: unknown): boolean {
  for (let e: unknown = err; e instanceof Error; e = e.cause) {
    const errno = (e as { errno?: unknown }).errno;
    if (typeof errno === 'number' && CHECK_VIOLATION_ERRNOS.has(errno) && e.message.includes(WITHIN_LIMIT_CONSTRAINT)) return true;
  }
  return false;
}

/**
 * The statements that take a use inside the caller's transaction, for one round trip with whatever the
 * caller sends around them (fixed texts; values only as `?`), in three parts:
 * - `prepare` reads, without locking anything, whether the tenant is active and its limits into
 *   session variables: send it first;
 * - `take` is one upsert that adds the amount to every grain's counter row (inserted when the window
 *   is new) and writes the limit each row must stay within: the CHECK constraint then fails the
 *   statement, and takes nothing, when a window would pass its limit or the tenant may not use
 *   anything (-1). The rows stay locked until the transaction ends, so concurrent uses queue on them
 *   and what is committed never passes a limit, across any number of instances. Send it last, just
 *   before COMMIT: the tenant's uses wait for as long as it holds the rows, so they are held for this
 *   one statement and the commit only. A refusal is an error (isQuotaRefusal): roll back;
 * - `select` (with `selectValues`) reads what decisionFrom needs, after COMMIT or after the refusal's
 *   ROLLBACK on the same connection: the variables, and the counters as committed at that moment.
 * Every windowed metric is counted per minute and per day (the usage page's history); only grains with
 * a quota resource are limited. A use of 0 changes nothing and passes while the tenant is active.
 */
export function quotaStatements(use: QuotaUse) {
  const limited = new Map(windowedResourcesOf(use.metric).map(({ resource, window }) => [window, resource]));
  const plans: GrainPlan[] = GRAINS.map((grain) => ({ grain, resource: limited.get(grain) ?? null, windowStart: windowStart(grain, use.now) }));
  const key = (plan: GrainPlan) => [use.tenantId, use.metric, use.scope, plan.grain, toSqlDatetime(plan.windowStart)];

  // An aggregate always returns one row, so every variable is set even when the tenant is missing.
  const active = `IF(? = 1, COALESCE(MAX(t.status = 'active'), 0), 1)`;
  const limitOf = (plan: GrainPlan) => (plan.resource ? `COALESCE(MAX(l_${plan.grain}.limit_value), ?)` : 'NULL');
  const limitJoins = plans
    .filter((plan) => plan.resource)
    .map((plan) => `LEFT JOIN msc_quota_limit l_${plan.grain} ON l_${plan.grain}.tenant_id = t.id AND l_${plan.grain}.resource = ? AND l_${plan.grain}.scope = ?`);
  const limitValues = () => plans.flatMap((plan) => (plan.resource ? [definitionOf(plan.resource).defaultLimit] : []));
  const columns = [
    active,
    ...plans.map(limitOf),
    // What the row must stay within: nothing for an inactive tenant, no bound for a use of 0.
    ...plans.map((plan) => `IF(${active} = 1, IF(? = 0, NULL, ${limitOf(plan)}), -1)`),
  ];
  const prepare = {
    text: [
      `SELECT ${columns.join(', ')} FROM msc_tenant t ${limitJoins.join(' ')} WHERE t.id = ? ` +
        `INTO @msc_q_active, ${plans.map((plan) => `@msc_q_lim_${plan.grain}`).join(', ')}, ${plans.map((plan) => `@msc_q_cap_${plan.grain}`).join(', ')};`,
    ],
    values: [
      use.requireActiveTenant ? 1 : 0,
      ...limitValues(),
      ...plans.flatMap((plan) => [use.requireActiveTenant ? 1 : 0, use.amount, ...(plan.resource ? [definitionOf(plan.resource).defaultLimit] : [])]),
      ...plans.flatMap((plan) => (plan.resource ? [plan.resource, use.scope] : [])),
      use.tenantId,
    ] as unknown[],
  };

  const capOfRow = plans.map((plan) => `WHEN '${plan.grain}' THEN @msc_q_cap_${plan.grain}`).join(' ');
  const take = {
    text: [
      'INSERT INTO msc_quota_usage (tenant_id, metric, scope, grain, window_start, used, limit_value) VALUES ' +
        plans.map((plan) => `(?, ?, ?, ?, ?, ?, @msc_q_cap_${plan.grain})`).join(', ') +
        ` ON DUPLICATE KEY UPDATE used = used + ?, limit_value = CASE grain ${capOfRow} END;`,
    ],
    values: [...plans.flatMap((plan) => [...key(plan), use.amount]), use.amount] as unknown[],
  };

  const select = [
    '@msc_q_active AS q_active',
    ...plans.map((plan) => `@msc_q_lim_${plan.grain} AS q_lim_${plan.grain}`),
    ...plans.map(
      (plan) => `(SELECT used FROM msc_quota_usage WHERE tenant_id = ? AND metric = ? AND scope = ? AND grain = ? AND window_start = ?) AS q_used_${plan.grain}`,
    ),
  ].join(', ');
  return { prepare, take, select, selectValues: plans.flatMap(key), plans };
}

export type QuotaStatements = ReturnType<typeof quotaStatements>;

/**
 * The decision, from the row `select` read once the transaction ended: taken (committed) or refused
 * (rolled back). The counters are as committed when read, so under concurrent uses they may already
 * hold later uses too: what the RateLimit headers say is the state at the answer.
 */
export function decisionFrom(row: Record<string, unknown>, use: QuotaUse, plans: QuotaStatements['plans'], taken: boolean): QuotaDecision {
  if (Number(row.q_active) !== 1) return { allowed: false, reason: 'tenant_inactive', windows: [] };
  const windows: QuotaWindowState[] = [];
  for (const plan of plans) {
    if (!plan.resource) continue;
    windows.push({
      resource: plan.resource,
      scope: use.scope,
      grain: plan.grain,
      limit: Number(row[`q_lim_${plan.grain}`]),
      used: Number(row[`q_used_${plan.grain}`] ?? 0),
      windowStart: plan.windowStart,
      resetAt: windowEnd(plan.grain, use.now),
    });
  }
  if (taken) return { allowed: true, windows };
  // The first limited window the use does not fit in refused it (counters only grow within a window,
  // and the limits are the ones the CHECK used).
  const refusedBy = windows.find((w) => w.used + use.amount > w.limit) ?? windows[0];
  if (!refusedBy) throw new Error(`Quota use of ${use.metric} refused with no limited window`);
  return { allowed: false, reason: 'quota', windows, refusedBy };
}
