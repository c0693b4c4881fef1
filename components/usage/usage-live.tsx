'use client';

import { useQuery } from '@tanstack/react-query';
import type { Locale } from '@/lib/i18n/locale';
import type { TenantUsage } from '@/lib/quotas/usage';
import { LiveStatus } from '@/components/ui/live-status';
import type { MarketplaceLabels, UsageLabels } from './labels';
import type { SetLimitAction } from './limit-form';
import { QuotaAlertsTable } from './quota-alerts-table';
import { QuotaTable } from './quota-table';
import { ServiceCards } from './service-cards';
import { UsageCharts } from './usage-charts';
import { fetchTenantUsage } from './usage-response';
import { USAGE_REFRESH_MS, usageQueryKeys } from './usage-query-keys';
import styles from './usage.module.css';


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
      <LiveStatus updatedAt={dataUpdatedAt} refreshMs={USAGE_REFRESH_MS} failed={isRefetchError} labels={labels.live} locale={locale} timeZone={timeZone} />
      <ServiceCards service={data.service} labels={labels.service} locale={locale} />
      <QuotaTable quotas={data.overview.quotas} now={now} setLimit={setLimit} labels={labels} marketplaces={marketplaces} locale={locale} timeZone={timeZone} />
      <UsageCharts series={data.overview.series} labels={labels.charts} locale={locale} timeZone={timeZone} />
      <QuotaAlertsTable alerts={data.alerts} labels={labels} marketplaces={marketplaces} locale={locale} timeZone={timeZone} />
    </>
  );
}
