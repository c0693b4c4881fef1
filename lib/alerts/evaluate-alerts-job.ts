import { env } from '@/lib/env';
import type { JobDefinition } from '@/lib/jobs/types';
import { deliverAlerts } from './deliver-alerts';
import { evaluateAlerts } from './evaluate-alerts';

const EVALUATE_ALERTS_BUDGET_MS = 50_000;

/**
 * Evaluates the alert rules for the tenant and sends new alerts to ALERT_WEBHOOK_URL when it is set.
 * The job names it checks (a job failing twice) are passed in to keep the registry free of cycles.
 */
export function evaluateAlertsJob(jobNames: () => readonly string[]): JobDefinition {
  return {
    name: 'evaluate-alerts',
    title: { tr: 'Uyarı kuralları', en: 'Alert rules' },
    budgetMs: EVALUATE_ALERTS_BUDGET_MS,
    countLabels: {
      raised: { tr: 'Açılan uyarı', en: 'Alerts raised' },
      cleared: { tr: 'Düzelen durum', en: 'Conditions cleared' },
      sent: { tr: 'Gönderilen', en: 'Sent to webhook' },
      sendFailed: { tr: 'Gönderilemeyen', en: 'Webhook failures' },
    },
    async run(ctx) {
      const tenantId = ctx.tenant.tenant.id;
      const evaluated = await evaluateAlerts(ctx.mainDb, tenantId, jobNames());
      const { ALERT_WEBHOOK_URL: url, ALERT_WEBHOOK_SECRET: secret } = env();
      // Fails the run (the jobs page shows why) rather than sending unsigned alerts.
      if (url && !secret) throw new Error('ALERT_WEBHOOK_URL is set but ALERT_WEBHOOK_SECRET is not: alerts cannot be signed.');
      const delivered = url && secret ? await deliverAlerts(ctx.mainDb, tenantId, { url, secret }) : { sent: 0, failed: 0 };
      return { counts: { raised: evaluated.raised, cleared: evaluated.cleared, sent: delivered.sent, sendFailed: delivered.failed } };
    },
  };
}
