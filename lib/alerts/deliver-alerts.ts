import { and, eq, gte, isNull, lte, or, sql } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import type { Db } from '@/lib/db/pool';
import { alertDeliveries, alerts } from '@/lib/db/schema';
import { MINUTE_MS, DAY_MS } from '@/lib/monitoring/database-time';

/** Attempts per alert before the outgoing webhook gives up on it. */
export const ALERT_WEBHOOK_MAX_ATTEMPTS = 8;
/** Each retry waits twice the last, from one minute, at most an hour. */
const RETRY_BASE_MS = MINUTE_MS;
const RETRY_MAX_MS = 60 * MINUTE_MS;
/** Alerts raised earlier than this before the webhook was configured are not sent. */
const SEND_ALERTS_RAISED_WITHIN_MS = DAY_MS;
const ALERT_WEBHOOK_TIMEOUT_MS = 10_000;
const BATCH = 50;

export type AlertWebhookConfig = { url: string; secret: string; fetch?: typeof fetch };
export type DeliveryCounts = { sent: number; failed: number };

export const retryDelayMs = (attempts: number) => Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1));

/**
 * Sends the tenant's new alerts to ALERT_WEBHOOK_URL as JSON, signed per Standard Webhooks
 * (`webhook-id`, `webhook-timestamp`, `webhook-signature`: HMAC-SHA256 of id.timestamp.body with the
 * secret), retrying from msc_alert_delivery with backoff. The webhook id is the alert's, so a receiver
 * can drop a redelivery. Any alert is due: quota alerts raised by the quota code included.
 */
export async function deliverAlerts(db: Db, tenantId: number, config: AlertWebhookConfig, now: Date = new Date()): Promise<DeliveryCounts> {
  const due = await db
    .select({ alert: alerts, attempts: alertDeliveries.attempts })
    .from(alerts)
    .leftJoin(alertDeliveries, eq(alertDeliveries.alertId, alerts.id))
    .where(
      and(
        eq(alerts.tenantId, tenantId),
        or(
          and(isNull(alertDeliveries.alertId), gte(alerts.raisedAt, new Date(now.getTime() - SEND_ALERTS_RAISED_WITHIN_MS))),
          and(isNull(alertDeliveries.deliveredAt), lte(alertDeliveries.nextAttemptAt, now), sql`${alertDeliveries.attempts} < ${ALERT_WEBHOOK_MAX_ATTEMPTS}`),
        ),
      ),
    )
    .orderBy(alerts.id)
    .limit(BATCH);
  const signer = new Webhook(config.secret);
  const send = config.fetch ?? fetch;
  const counts: DeliveryCounts = { sent: 0, failed: 0 };
  for (const { alert, attempts: previous } of due) {
    const attempts = (previous ?? 0) + 1;
    const body = JSON.stringify({
      type: 'alert.raised',
      alert: { id: alert.id, tenantId: alert.tenantId, kind: alert.kind, severity: alert.severity, message: alert.message, raisedAt: alert.raisedAt.toISOString() },
    });
    const id = `alert_${alert.id}`;
    const timestamp = new Date();
    let error: string | null = null;
    try {
      const res = await send(config.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'webhook-id': id,
          'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
          'webhook-signature': signer.sign(id, timestamp, body),
        },
        body,
        signal: AbortSignal.timeout(ALERT_WEBHOOK_TIMEOUT_MS),
      });
      if (!res.ok) error = `answered ${res.status}`;
    } catch (err) {
      error = (err as Error).message;
    }
    const values = error
      ? { attempts, nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)), deliveredAt: null, lastError: error.slice(0, 255) }
      : { attempts, nextAttemptAt: null, deliveredAt: new Date(), lastError: null };
    await db.insert(alertDeliveries).values({ alertId: alert.id, ...values }).onDuplicateKeyUpdate({ set: values });
    if (error) {
      console.warn(`alerts: webhook for alert ${alert.id} failed (attempt ${attempts}): ${error}`);
      counts.failed += 1;
    } else counts.sent += 1;
  }
  return counts;
}
