import type { Db } from '@/lib/db/pool';
import { getQuotaOverview, type QuotaOverview } from './get-quota-overview';
import { listQuotaAlerts, type QuotaAlertView } from './list-quota-alerts';
import { getServiceFigures, type ServiceFigures } from './service-figures';

/** Everything the usage page shows of one tenant; the three reads run side by side. */
export type TenantUsage = { overview: QuotaOverview; service: ServiceFigures; alerts: QuotaAlertView[] };

export async function getTenantUsage(db: Db, tenantId: number, now: number = Date.now()): Promise<TenantUsage> {
  const [overview, service, alerts] = await Promise.all([
    getQuotaOverview(db, tenantId, now),
    getServiceFigures(db, tenantId, now),
    listQuotaAlerts(db, tenantId, now),
  ]);
  return { overview, service, alerts };
}
