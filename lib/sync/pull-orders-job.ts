import type { JobDefinition } from '@/lib/jobs/types';
import { pullTenantOrders } from './pull-orders';

/**
 * Catches missed webhooks (and is the only channel of N11, Pazarama and PttAVM): per active account
 * with API credentials, orders changed since its cursor are listed and stored as canonical events on
 * the webhook path's idempotent insert. Applying them to OpenCart is the process-webhooks job's work.
 */
export const pullOrdersJob: JobDefinition = {
  name: 'pull-orders',
  title: { tr: 'Sipariş çekme', en: 'Order pull' },
  budgetMs: 50_000,
  countLabels: {
    accounts: { tr: 'Hesap', en: 'Accounts' },
    pages: { tr: 'Sayfa', en: 'Pages' },
    events: { tr: 'Yeni olay', en: 'New events' },
    duplicates: { tr: 'Zaten alınmış', en: 'Already received' },
    skippedOrders: { tr: 'Okunamayan sipariş', en: 'Unreadable orders' },
    failedAccounts: { tr: 'Hatalı hesap', en: 'Failed accounts' },
  },
  async run(ctx) {
    const { counts, more } = await pullTenantOrders({
      mainDb: ctx.mainDb,
      key: ctx.key,
      tenantId: ctx.tenant.tenant.id,
      shouldStop: () => ctx.shouldStop(),
      clientOptions: { deadline: ctx.deadline },
    });
    return { counts, more };
  },
};
