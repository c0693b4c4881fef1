import type { Db } from '@/lib/db/pool';
import { consumeQuota } from './consume-quota';
import type { QuotaDecision, QuotaUse, QuotaWindowState } from './quota-statements';
import { raiseQuotaAlert, reachedLevels, type QuotaAlertLevel } from './quota-alerts';

/**
 * How long this instance answers a refusal from memory before asking the database again. Short, so a
 * limit an admin raises takes effect within about a second everywhere.
 */
export const LOCAL_REFUSAL_TTL_MS = 1_000;

type RememberedRefusal = { decision: Extract<QuotaDecision, { reason: 'quota' }>; until: number };

/**
 * Quota uses of one app instance. Every use that may be accepted goes to the database, which alone
 * decides (consumeQuota), so counts stay exact across instances. What this adds is local: once the
 * database refused a window, further uses that cannot fit in what it had left are refused from memory
 * until the window ends (or LOCAL_REFUSAL_TTL_MS passes), so a flood of over-limit pushes costs no
 * round trips; and the 80% / 100% alerts, raised once per window.
 */
export class QuotaGate {
  private readonly refusals = new Map<string, RememberedRefusal>();
  private readonly alerted = new Set<string>();

  constructor(private readonly db: Db) {}

  /** A use in a transaction of its own: refused from memory, or decided by the database. */
  async take(use: QuotaUse): Promise<QuotaDecision> {
    const local = this.refusedLocally(use);
    if (local) return local;
    const decision = await consumeQuota(this.db, use);
    await this.observe(use, decision);
    return decision;
  }

  /**
   * The database's decision on a use made elsewhere (a webhook push's own transaction): remembered if
   * refused, and the alerts it crossed raised.
   */
  async observe(use: QuotaUse, decision: QuotaDecision): Promise<void> {
    if (decision.allowed) {
      // The counters were read after the commit and may hold other uses too, so levels are checked as
      // reached, not as crossed by this use: each is raised once per window here, and once in all.
      for (const w of decision.windows) {
        for (const level of reachedLevels(w.used, w.limit)) await this.alert(use.tenantId, level, w);
      }
    } else if (decision.reason === 'quota') {
      this.remember(use, decision);
      await this.alert(use.tenantId, 'exhausted', decision.refusedBy);
    }
  }

  private keyOf(use: Pick<QuotaUse, 'tenantId' | 'metric' | 'scope'>): string {
    return `${use.tenantId}|${use.metric}|${use.scope}`;
  }

  /** The refusal the database gave this window a moment ago, when this use cannot fit in what it had left. */
  refusedLocally(use: QuotaUse): QuotaDecision | null {
    const key = this.keyOf(use);
    const remembered = this.refusals.get(key);
    if (!remembered) return null;
    if (use.now.getTime() >= remembered.until) {
      this.refusals.delete(key);
      return null;
    }
    const { refusedBy } = remembered.decision;
    // Counters only grow inside a window: what did not fit then cannot fit now.
    return use.amount > Math.max(0, refusedBy.limit - refusedBy.used) ? remembered.decision : null;
  }

  private remember(use: QuotaUse, decision: Extract<QuotaDecision, { reason: 'quota' }>) {
    const until = Math.min(decision.refusedBy.resetAt.getTime(), use.now.getTime() + LOCAL_REFUSAL_TTL_MS);
    this.refusals.set(this.keyOf(use), { decision, until });
    // Entries of ended windows are dropped as they are met; this bounds the map for idle tenants.
    if (this.refusals.size > 10_000) this.refusals.clear();
  }

  private async alert(tenantId: number, level: QuotaAlertLevel, w: QuotaWindowState) {
    const key = `${tenantId}|${w.resource}|${w.scope}|${w.windowStart.getTime()}|${level}`;
    if (this.alerted.has(key)) return;
    this.alerted.add(key);
    if (this.alerted.size > 10_000) this.alerted.clear();
    try {
      await raiseQuotaAlert(this.db, { tenantId, level, resource: w.resource, scope: w.scope, windowStart: w.windowStart, used: w.used, limit: w.limit });
    } catch (err) {
      // The use itself is decided and counted; a lost alert is logged, not worth failing a webhook for.
      this.alerted.delete(key);
      console.error(`quotas: could not record the ${level} alert of ${w.resource} for tenant ${tenantId}`, err);
    }
  }
}

const gatesKey = Symbol.for('meschain.quotaGates');
const globalWithGates = globalThis as typeof globalThis & { [gatesKey]?: WeakMap<Db, QuotaGate> };

/** This process's gate for a database, kept on globalThis so a twice-bundled server shares it. */
export function processQuotaGate(db: Db): QuotaGate {
  const gates = (globalWithGates[gatesKey] ??= new WeakMap());
  let gate = gates.get(db);
  if (!gate) {
    gate = new QuotaGate(db);
    gates.set(db, gate);
  }
  return gate;
}
