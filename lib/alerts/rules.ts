import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/lib/db/pool';
import type { AlertSeverity } from '@/lib/db/schema';
import { selectRows } from '@/lib/orders/raw-sql';
import { gdprRequestsDueSoon, newestGoodBackup } from '@/lib/monitoring/backup-and-gdpr-state';
import type { AlertThresholds } from './thresholds';

/** A condition that holds now; `subject` tells apart several of one kind (a job, an account, a marketplace). */
export type Condition = { kind: string; subject: string; severity: AlertSeverity; message: string };
export type RuleContext = { db: Db; tenantId: number; thresholds: AlertThresholds; jobNames: readonly string[]; now: Date };
export type AlertRule = { kind: string; evaluate(ctx: RuleContext): Promise<Condition[]> };

const n = z.coerce.number();

const processingLag: AlertRule = {
  kind: 'processing_lag',
  async evaluate({ db, tenantId, thresholds }) {
    const [row] = await selectRows(
      db,
      sql`SELECT TIMESTAMPDIFF(SECOND, MIN(next_attempt_at), UTC_TIMESTAMP(3)) AS lag FROM msc_webhook_event
          WHERE status IN ('pending', 'failed') AND next_attempt_at <= UTC_TIMESTAMP(3) AND tenant_id = ${tenantId}`,
      z.object({ lag: n.nullable() }),
    );
    const lag = row?.lag ?? 0;
    if (lag <= thresholds.processing_lag_seconds) return [];
    return [{ kind: 'processing_lag', subject: '', severity: 'critical', message: `Webhook events wait ${lag} s to be applied (threshold ${thresholds.processing_lag_seconds} s).` }];
  },
};

const deadLetters: AlertRule = {
  kind: 'dead_letters',
  async evaluate({ db, tenantId }) {
    const [row] = await selectRows(db, sql`SELECT COUNT(*) AS c FROM msc_webhook_event WHERE status = 'dead' AND tenant_id = ${tenantId}`, z.object({ c: n }));
    const count = row?.c ?? 0;
    return count > 0 ? [{ kind: 'dead_letters', subject: '', severity: 'warning', message: `${count} webhook event(s) in the dead-letter queue need a person.` }] : [];
  },
};

const errorRate: AlertRule = {
  kind: 'error_rate',
  async evaluate({ db, tenantId, thresholds }) {
    const rows = await selectRows(
      db,
      sql`SELECT marketplace, COUNT(*) AS calls, SUM(CASE WHEN error_kind IS NOT NULL THEN 1 ELSE 0 END) AS errors
          FROM msc_marketplace_api_call
          WHERE tenant_id = ${tenantId} AND created_at >= UTC_TIMESTAMP(3) - INTERVAL ${thresholds.error_rate_window_minutes} MINUTE
          GROUP BY marketplace`,
      z.object({ marketplace: z.string(), calls: n, errors: n }),
    );
    return rows
      .filter((r) => r.calls >= thresholds.error_rate_min_calls && (r.errors * 100) / r.calls > thresholds.error_rate_percent)
      .map((r) => ({
        kind: 'error_rate',
        subject: r.marketplace,
        severity: 'warning' as const,
        message: `${r.marketplace}: ${Math.round((r.errors * 100) / r.calls)}% of ${r.calls} API calls failed in ${thresholds.error_rate_window_minutes} min (threshold ${thresholds.error_rate_percent}%).`,
      }));
  },
};

const jobFailing: AlertRule = {
  kind: 'job_failing',
  async evaluate({ db, tenantId, jobNames }) {
    const out: Condition[] = [];
    for (const job of jobNames) {
      const rows = await selectRows(
        db,
        sql`SELECT status FROM msc_job_run WHERE tenant_id = ${tenantId} AND job = ${job} AND status IN ('succeeded', 'failed')
            ORDER BY started_at DESC, id DESC LIMIT 2`,
        z.object({ status: z.string() }),
      );
      if (rows.length === 2 && rows.every((r) => r.status === 'failed')) {
        out.push({ kind: 'job_failing', subject: job, severity: 'critical', message: `Job ${job} failed twice in a row.` });
      }
    }
    return out;
  },
};

const circuitOpen: AlertRule = {
  kind: 'circuit_open',
  async evaluate({ db, tenantId }) {
    const rows = await selectRows(
      db,
      sql`SELECT b.account_id, b.marketplace, a.name FROM msc_circuit_breaker b LEFT JOIN msc_marketplace_account a ON a.id = b.account_id
          WHERE b.tenant_id = ${tenantId} AND b.state = 'open'`,
      z.object({ account_id: n, marketplace: z.string(), name: z.string().nullable() }),
    );
    return rows.map((r) => ({
      kind: 'circuit_open',
      subject: `account:${r.account_id}`,
      severity: 'warning' as const,
      message: `${r.marketplace} (${r.name ?? `account ${r.account_id}`}): circuit open, calls to the marketplace are paused.`,
    }));
  },
};

/** No good backup yet, or the newest is too old. */
const backupStale: AlertRule = {
  kind: 'backup_stale',
  async evaluate({ db, tenantId, thresholds, now }) {
    const newest = await newestGoodBackup(db, tenantId);
    const ageHours = newest ? (now.getTime() - newest.getTime()) / 3_600_000 : null;
    if (ageHours !== null && ageHours <= thresholds.backup_max_age_hours) return [];
    return [{ kind: 'backup_stale', subject: '', severity: 'critical', message: `No good backup in the last ${thresholds.backup_max_age_hours} hours.` }];
  },
};

/** Confirmed GDPR requests not closed and due within the threshold (overdue ones included). */
const gdprDue: AlertRule = {
  kind: 'gdpr_due',
  async evaluate({ db, tenantId, thresholds }) {
    const due = await gdprRequestsDueSoon(db, tenantId, thresholds.gdpr_due_days);
    return due.map((r) => ({ kind: 'gdpr_due', subject: `request:${r.id}`, severity: 'warning' as const, message: `GDPR request ${r.id} is due ${r.dueAt.toISOString().slice(0, 10)}.` }));
  },
};

/**
 * The rules `evaluate-alerts` runs. Quota alerts at 80% and 100% are not here: the quota code raises
 * them into the same table as it counts (lib/quotas), and they are listed and sent like these.
 */
export const ALERT_RULES: readonly AlertRule[] = [processingLag, deadLetters, errorRate, jobFailing, circuitOpen, backupStale, gdprDue];
