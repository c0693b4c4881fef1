'use client';

import { useQuery } from '@tanstack/react-query';
import { format, type Locale } from '@/lib/i18n/locale';
import type { TenantUsage } from '@/lib/quotas/usage';
import { formatClock } from '@/components/webhooks/format-instant';
import type { MarketplaceLabels, UsageLabels } from './labels';
import type { SetLimitAction } from './limit-form';
import { QuotaAlertsTable } from './quota-alerts-table';
import { QuotaTable } from './quota-table';
import { ServiceCards } from './service-cards';
import { UsageCharts } from './usage-charts';
import { fetchTenantUsage } from './usage-response';
import { USAGE_REFRESH_MS, usageQueryKeys } from './usage-query-keys';
import styles from './usage.module.css';

const MS_PER_SECOND = 1_000;

/**
 * The usage page, kept live: it starts from the server's figures and re-reads them from app/api/usage
 * every USAGE_REFRESH_MS while the tab is visible (TanStack Query does not poll hidden tabs).
 */
export function UsageLive({
  tenantId,
  initial,
  renderedAt,
  setLimit,
  labels,
  marketplaces,
  locale,
  timeZone,
}: {
  tenantId: number;
  initial: TenantUsage;
  renderedAt: number;
  setLimit: SetLimitAction | undefined;
  labels: UsageLabels;
  marketplaces: MarketplaceLabels;
  locale: Locale;
  timeZone: string;
}) {
  const { data, dataUpdatedAt, isRefetchError } = useQuery({
    queryKey: usageQueryKeys.tenant(tenantId),
    queryFn: () => fetchTenantUsage(tenantId),
    initialData: initial,
    initialDataUpdatedAt: renderedAt,
    refetchInterval: USAGE_REFRESH_MS,
  });
  const now = Date.parse(data.overview.generatedAt);
  return (
    <>
      <div className={styles.toolbar}>
        {isRefetchError ? (
          <p className={styles.error} role="alert">
            {labels.live.failed}
          </p>
        ) : (
          <span />
        )}
        <p className={styles.updated} title={format(labels.live.every, { seconds: USAGE_REFRESH_MS / MS_PER_SECOND })}>
          {format(labels.live.updated, { time: formatClock(dataUpdatedAt, locale, timeZone) })}
        </p>
      </div>
      <ServiceCards service={data.service} labels={labels.service} locale={locale} />
      <QuotaTable quotas={data.overview.quotas} now={now} setLimit={setLimit} labels={labels} marketplaces={marketplaces} locale={locale} timeZone={timeZone} />
      <UsageCharts series={data.overview.series} labels={labels.charts} locale={locale} timeZone={timeZone} />
      <QuotaAlertsTable alerts={data.alerts} labels={labels} marketplaces={marketplaces} locale={locale} timeZone={timeZone} />
    </>
  );
}
