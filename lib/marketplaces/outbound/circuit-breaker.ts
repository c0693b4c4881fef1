import { and, eq, lte, ne, or, gt, sql } from 'drizzle-orm';
import type { Db } from '@/lib/db/pool';
import { circuitBreakers, type ApiErrorKind, type CircuitBreakerRow } from '@/lib/db/schema';
import type { MarketplaceName } from '@/lib/marketplaces/names';
import type { Clock } from './clock';
import { MarketplaceApiError, OUTAGE_KINDS } from './errors';

export type BreakerSettings = {
  /** Consecutive outage failures (5xx, timeouts, connection errors) that open the circuit. */
  failureThreshold: number;
  /** How long the circuit stays open before one probe may go through. */
  openMs: number;
  /** How long a probe may take before another instance may probe instead (its lease). */
  probeLeaseMs: number;
};

export const DEFAULT_BREAKER_SETTINGS: BreakerSettings = { failureThreshold: 5, openMs: 60_000, probeLeaseMs: 60_000 };

export type BreakerAccount = { id: number; tenantId: number; marketplace: MarketplaceName };

/**
 * The account's circuit, kept in msc_circuit_breaker so that every instance agrees. Closed lets
 * calls through; open refuses them until `next_probe_at`; then one caller wins a conditional update
 * to half_open and probes; its success closes the circuit, its failure opens it again.
 */
export class CircuitBreaker {
  constructor(
    private readonly db: Db,
    private readonly account: BreakerAccount,
    private readonly settings: BreakerSettings,
    private readonly clock: Clock,
  ) {}

  private refusal(endpoint: string, retryAfterMs: number): MarketplaceApiError {
    return new MarketplaceApiError({
      kind: 'circuit_open',
      marketplace: this.account.marketplace,
      endpoint,
      message: `${this.account.marketplace} account ${this.account.id}: the circuit is open after repeated failures; calls resume after a probe succeeds`,
      retryAfterMs: Math.max(0, retryAfterMs),
    });
  }

  async state(): Promise<CircuitBreakerRow | null> {
    const [row] = await this.db.select().from(circuitBreakers).where(eq(circuitBreakers.accountId, this.account.id));
    return row ?? null;
  }

  /** Lets the call through, or throws `circuit_open`. */
  async before(endpoint: string): Promise<void> {
    const row = await this.state();
    if (!row || row.state === 'closed') return;
    const now = this.clock.now();
    const at = new Date(now);
    if (row.state === 'open') {
      const probeAt = row.nextProbeAt?.getTime() ?? now;
      if (now < probeAt) throw this.refusal(endpoint, probeAt - now);
      const [claimed] = await this.db
        .update(circuitBreakers)
        .set({ state: 'half_open', probeStartedAt: at, updatedAt: at })
        .where(and(eq(circuitBreakers.accountId, this.account.id), eq(circuitBreakers.state, 'open'), lte(circuitBreakers.nextProbeAt, at)));
      if (claimed.affectedRows === 1) return;
      throw this.refusal(endpoint, this.settings.probeLeaseMs);
    }
    // half_open: a probe is under way; another may start only once its lease has run out.
    const leaseEnds = (row.probeStartedAt?.getTime() ?? 0) + this.settings.probeLeaseMs;
    if (now < leaseEnds || !row.probeStartedAt) throw this.refusal(endpoint, leaseEnds - now);
    const [claimed] = await this.db
      .update(circuitBreakers)
      .set({ probeStartedAt: at, updatedAt: at })
      .where(
        and(
          eq(circuitBreakers.accountId, this.account.id),
          eq(circuitBreakers.state, 'half_open'),
          eq(circuitBreakers.probeStartedAt, row.probeStartedAt),
        ),
      );
    if (claimed.affectedRows !== 1) throw this.refusal(endpoint, this.settings.probeLeaseMs);
  }

  /** A call got an answer that is not an outage: the failure streak ends and an open circuit closes. */
  async onSuccess(): Promise<void> {
    const at = new Date(this.clock.now());
    await this.db
      .update(circuitBreakers)
      .set({ state: 'closed', consecutiveFailures: 0, openedAt: null, nextProbeAt: null, probeStartedAt: null, updatedAt: at })
      .where(
        and(
          eq(circuitBreakers.accountId, this.account.id),
          or(ne(circuitBreakers.state, 'closed'), gt(circuitBreakers.consecutiveFailures, 0)),
        ),
      );
  }

  /** Counts an outage failure; the threshold (or a failed probe) opens the circuit. */
  async onFailure(kind: ApiErrorKind): Promise<void> {
    if (!OUTAGE_KINDS.has(kind)) return this.onSuccess();
    const now = this.clock.now();
    const at = new Date(now);
    await this.db.transaction(async (tx) => {
      await tx
        .insert(circuitBreakers)
        .values({ accountId: this.account.id, tenantId: this.account.tenantId, marketplace: this.account.marketplace, updatedAt: at })
        .onDuplicateKeyUpdate({ set: { accountId: sql`${circuitBreakers.accountId}` } });
      const [row] = await tx.select().from(circuitBreakers).where(eq(circuitBreakers.accountId, this.account.id)).for('update');
      if (!row) throw new Error(`msc_circuit_breaker row of account ${this.account.id} vanished inside its own transaction`);
      const failures = row.consecutiveFailures + 1;
      const opens = row.state === 'half_open' || (row.state === 'closed' && failures >= this.settings.failureThreshold);
      await tx
        .update(circuitBreakers)
        .set({
          consecutiveFailures: failures,
          lastErrorKind: kind,
          updatedAt: at,
          ...(opens
            ? { state: 'open' as const, openedAt: at, nextProbeAt: new Date(now + this.settings.openMs), probeStartedAt: null }
            : {}),
        })
        .where(eq(circuitBreakers.accountId, this.account.id));
    });
  }
}
