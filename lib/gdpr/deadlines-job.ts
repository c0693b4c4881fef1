import { and, eq, lt } from 'drizzle-orm';
import type { Db } from '@/lib/db/pool';
import { gdprMailOutbox, gdprRequests } from '@/lib/db/schema';
import { evaluateAlerts } from '@/lib/alerts/evaluate-alerts';
import { ALERT_RULES, type AlertRule } from '@/lib/alerts/rules';
import type { JobDefinition } from '@/lib/jobs/types';
import { deleteExpiredExports } from './export';
import { importOpenCartGdprRequests } from './opencart-gdpr-sync';
import { prunePublicAttempts } from './public-rate-limit';
import { recordRequestEvent } from './request-context';
import { gdprRequestsDueSoon } from '@/lib/monitoring/backup-and-gdpr-state';

/**
 * Past due: one critical alert per confirmed, open request once its legal due date has passed. "Due soon"
 * is the evaluate-alerts rule `gdpr_due` (warning, the tenant's gdpr_due_days); this job evaluates it
 * too, through the same condition rows, so a request never gets two alerts for one episode.
 */
export const gdprOverdueRule: AlertRule = {
  kind: 'gdpr_overdue',
  async evaluate({ db, tenantId }) {
    const rows = await gdprRequestsDueSoon(db, tenantId, 0);
    return rows.map((r) => ({
      kind: 'gdpr_overdue',
      subject: `request:${r.id}`,
      severity: 'critical' as const,
      message: `Privacy request #${r.id} is past its legal due date (${r.dueAt.toISOString().slice(0, 10)}).`,
    }));
  },
};

/** The rules this job evaluates: the shared "due soon" rule and "past due". */
export const GDPR_DEADLINE_RULES: readonly AlertRule[] = [...ALERT_RULES.filter((r) => r.kind === 'gdpr_due'), gdprOverdueRule];

/** A public-page request whose link was never opened is closed, and its address dropped, after this long. */
export const UNCONFIRMED_KEPT_DAYS = 30;

/**
 * Public-page requests never confirmed: nobody proved they are the person, so nothing was done; after
 * UNCONFIRMED_KEPT_DAYS they are refused and their address and mail are dropped (data minimisation).
 */
export async function closeUnconfirmedRequests(db: Db, tenantId: number, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - UNCONFIRMED_KEPT_DAYS * 86_400_000);
  const stale = await db
    .select({ id: gdprRequests.id })
    .from(gdprRequests)
    .where(and(eq(gdprRequests.tenantId, tenantId), eq(gdprRequests.status, 'unverified'), eq(gdprRequests.source, 'public_page'), lt(gdprRequests.receivedAt, cutoff)));
  for (const { id } of stale) {
    await db
      .update(gdprRequests)
      .set({ status: 'rejected', closedAt: now, updatedAt: now, rejectionReason: 'Not confirmed', email: `unconfirmed-${id}@anonymised.invalid`, requesterName: '', details: null })
      .where(and(eq(gdprRequests.id, id), eq(gdprRequests.status, 'unverified')));
    await db.update(gdprMailOutbox).set({ toAddress: `unconfirmed-${id}@anonymised.invalid`, body: '' }).where(eq(gdprMailOutbox.requestId, id));
    await recordRequestEvent(db, { tenantId, requestId: id, action: 'rejected', note: '' }, { actor: { userId: null, username: 'gdpr-deadlines' } });
  }
  return stale.length;
}

export async function runGdprDeadlines(mainDb: Db, shop: Parameters<typeof importOpenCartGdprRequests>[0], now = new Date()) {
  const imported = await importOpenCartGdprRequests(shop, mainDb);
  const unconfirmedClosed = await closeUnconfirmedRequests(mainDb, shop.tenant.id, now);
  const alerts = await evaluateAlerts(mainDb, shop.tenant.id, [], GDPR_DEADLINE_RULES);
  const exportsDeleted = await deleteExpiredExports(mainDb, shop.tenant.id, now);
  const counters = await prunePublicAttempts(mainDb, now);
  return { imported: imported.imported, verified: imported.verified, unconfirmedClosed, alertsRaised: alerts.raised, dueSoonOrLate: alerts.holding, exportsDeleted, counters };
}

/**
 * Daily: reads OpenCart 4's oc_gdpr into the list (nothing on OpenCart 3), closes public-page requests never
 * confirmed within 30 days (dropping their address), raises alerts for requests
 * near or past their legal due date, deletes export files past their 7 days and old public-page counters.
 */
export const gdprDeadlinesJob: JobDefinition = {
  name: 'gdpr-deadlines',
  title: { tr: 'KVKK/GDPR süreleri', en: 'GDPR deadlines' },
  budgetMs: 50_000,
  countLabels: {
    imported: { tr: 'OpenCart’tan alınan talepler', en: 'Requests read from OpenCart' },
    verified: { tr: 'OpenCart’ta onaylanan talepler', en: 'Requests confirmed in OpenCart' },
    unconfirmedClosed: { tr: 'Onaylanmadan kapanan talepler', en: 'Unconfirmed requests closed' },
    alertsRaised: { tr: 'Yeni süre uyarıları', en: 'New deadline alerts' },
    dueSoonOrLate: { tr: 'Süresi yaklaşan veya geçen talepler', en: 'Requests due soon or late' },
    exportsDeleted: { tr: 'Silinen dışa aktarmalar', en: 'Exports deleted' },
    counters: { tr: 'Silinen sayaçlar', en: 'Counters deleted' },
  },
  async run(ctx) {
    return { counts: await runGdprDeadlines(ctx.mainDb, ctx.tenant) };
  },
};
