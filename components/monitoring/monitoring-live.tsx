'use client';

import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { format, type Locale } from '@/lib/i18n/locale';
import type { MonitoringLabels } from '@/lib/i18n/messages/monitoring';
import type { MonitoringData } from '@/lib/monitoring/dashboard/get-monitoring-data';
import { formatMoney } from '@/components/overview/intl-format';
import { LiveStatus } from '@/components/ui/live-status';
import { AlertsPanel, type AcknowledgeAlertAction } from './alerts-panel';
import { formatDuration, formatInteger, stepFormatter } from './format';
import { JobsPanel } from './jobs-panel';
import { fetchMonitoringData } from './monitoring-data-response';
import { MONITORING_REFRESH_MS, monitoringQueryKeys } from './monitoring-query-keys';
import { SummaryCards } from './summary-cards';
import { SyncPanel } from './sync-panel';
import { SERIES_COLORS, TimeSeriesChart, type ChartRow } from './time-series-chart';
import styles from './monitoring.module.css';

const MS_PER_SECOND = 1_000;

/**
 * The monitoring page, kept live: it starts from the server's data and re-reads it from
 * app/api/admin/monitoring every MONITORING_REFRESH_MS while the tab is visible (TanStack Query does
 * not poll a hidden tab). Every chart gets rows prepared here, one per step of the range.
 */
export function MonitoringLive({
  initial,
  renderedAt,
  query,
  jobTitles,
  statusLabels,
  acknowledge,
  labels,
  locale,
  timeZone,
}: {
  initial: MonitoringData;
  renderedAt: number;
  query: string;
  jobTitles: Record<string, string>;
  statusLabels: Record<string, string>;
  acknowledge: AcknowledgeAlertAction | undefined;
  labels: MonitoringLabels;
  locale: Locale;
  timeZone: string;
}) {
  const { data, dataUpdatedAt, isRefetchError } = useQuery({
    queryKey: monitoringQueryKeys.data(query),
    queryFn: () => fetchMonitoringData(query),
    initialData: initial,
    initialDataUpdatedAt: renderedAt,
    refetchInterval: MONITORING_REFRESH_MS,
  });
  const formatX = useMemo(() => stepFormatter(data.range, locale, timeZone), [data.range, locale, timeZone]);
  const step = labels.charts.step[data.range];
  const count = (v: number) => formatInteger(v, locale);
  const ms = (v: number) => formatDuration(v, locale);

  const marketplaces = Object.keys(data.webhooks.totals.byMarketplace).sort();
  const ingestRows: ChartRow[] = data.webhooks.points.map((p) => ({ t: p.t, ...Object.fromEntries(marketplaces.map((m) => [m, p.byMarketplace[m] ?? 0])) }));
  const pctRows = (which: 'ingest' | 'lag'): ChartRow[] =>
    data.webhooks.points.map((p) => ({ t: p.t, p50: p[which].p50?.ms ?? null, p95: p[which].p95?.ms ?? null, p99: p[which].p99?.ms ?? null }));
  const pctSeries = [
    { key: 'p50', label: labels.series.p50, color: SERIES_COLORS[0]! },
    { key: 'p95', label: labels.series.p95, color: SERIES_COLORS[1]! },
    { key: 'p99', label: labels.series.p99, color: SERIES_COLORS[4]! },
  ];
  const processingRows: ChartRow[] = data.webhooks.points.map((p) => ({ t: p.t, applied: p.applied, retries: p.retries, dead: p.dead }));
  const apiRows: ChartRow[] = data.api.points.map((p) => ({ t: p.t, calls: p.calls, errors: p.errors, rateLimited: p.rateLimited }));
  const jobNames = data.jobs.jobs.map((j) => j.job);
  const jobRows: ChartRow[] = data.jobs.points.map((p) => ({ t: p.t, ...Object.fromEntries(jobNames.map((j) => [j, p.byJob[j] ?? null])) }));
  const showTenant = data.tenants.length > 1;
  const empty = { empty: labels.charts.empty, emptyHint: labels.charts.emptyHint };

  return (
    <>
      <LiveStatus updatedAt={dataUpdatedAt} refreshMs={MONITORING_REFRESH_MS} failed={isRefetchError} labels={labels.live} locale={locale} timeZone={timeZone} />
      <AlertsPanel
        open={data.alerts.open}
        acknowledged={data.alerts.acknowledged}
        acknowledge={acknowledge}
        showTenant={showTenant}
        labels={labels}
        locale={locale}
        timeZone={timeZone}
      />
      <SummaryCards data={data} labels={labels} locale={locale} />
      <p className={styles.resolution}>
        {format(labels.resolution, {
          ingest: data.resolution.ingestMs.join(', '),
          lag: data.resolution.lagMs.map((v) => v / MS_PER_SECOND).join(', '),
        })}
      </p>
      <div className={styles.charts}>
        <TimeSeriesChart
          testId="chart-ingest"
          title={labels.charts.ingestTitle}
          description={format(labels.charts.ingestDescription, { step })}
          rows={ingestRows}
          series={marketplaces.map((m, i) => ({ key: m, label: m, color: SERIES_COLORS[i % SERIES_COLORS.length]! }))}
          kind="bars"
          formatX={formatX}
          formatY={count}
          {...empty}
        />
        <TimeSeriesChart
          testId="chart-latency"
          title={labels.charts.latencyTitle}
          description={format(labels.charts.latencyDescription, { step })}
          rows={pctRows('ingest')}
          series={pctSeries}
          kind="line"
          formatX={formatX}
          formatY={ms}
          {...empty}
        />
        <TimeSeriesChart
          testId="chart-lag"
          title={labels.charts.lagTitle}
          description={format(labels.charts.lagDescription, { step })}
          rows={pctRows('lag')}
          series={pctSeries}
          kind="line"
          formatX={formatX}
          formatY={ms}
          {...empty}
        />
        <TimeSeriesChart
          testId="chart-processing"
          title={labels.charts.processingTitle}
          description={format(labels.charts.processingDescription, { step })}
          rows={processingRows}
          series={[
            { key: 'applied', label: labels.series.applied, color: SERIES_COLORS[2]! },
            { key: 'retries', label: labels.series.retries, color: SERIES_COLORS[1]! },
            { key: 'dead', label: labels.series.dead, color: SERIES_COLORS[4]! },
          ]}
          kind="bars"
          formatX={formatX}
          formatY={count}
          {...empty}
        />
        <TimeSeriesChart
          testId="chart-api"
          title={labels.charts.apiTitle}
          description={format(labels.charts.apiDescription, { step })}
          rows={apiRows}
          series={[
            { key: 'calls', label: labels.series.calls, color: SERIES_COLORS[0]! },
            { key: 'errors', label: labels.series.errors, color: SERIES_COLORS[4]! },
            { key: 'rateLimited', label: labels.series.rateLimited, color: SERIES_COLORS[1]! },
          ]}
          kind="line"
          formatX={formatX}
          formatY={count}
          {...empty}
        />
        <TimeSeriesChart
          testId="chart-jobs"
          title={labels.charts.jobsTitle}
          description={format(labels.charts.jobsDescription, { step })}
          rows={jobRows}
          series={jobNames.map((j, i) => ({ key: j, label: jobTitles[j] ?? j, color: SERIES_COLORS[i % SERIES_COLORS.length]! }))}
          kind="line"
          formatX={formatX}
          formatY={ms}
          {...empty}
        />
      </div>
      <SyncPanel data={data} labels={labels} locale={locale} timeZone={timeZone} />
      <JobsPanel data={data} titles={jobTitles} statusLabels={statusLabels} labels={labels} locale={locale} timeZone={timeZone} />
      {data.business.map((b) => {
        const series = b.channels.map((c, i) => ({ key: c, label: c === 'shop' ? labels.series.shop : c, color: SERIES_COLORS[i % SERIES_COLORS.length]! }));
        const at = (date: string) => `${date}T12:00:00Z`;
        // Money strings become numbers only here, for drawing.
        const orderRows: ChartRow[] = b.days.map((d) => ({ t: at(d.date), ...Object.fromEntries(b.channels.map((c) => [c, d.byChannel[c]?.orders ?? 0])) }));
        const revenueRows: ChartRow[] = b.days.map((d) => ({ t: at(d.date), ...Object.fromEntries(b.channels.map((c) => [c, Number(d.byChannel[c]?.revenue ?? 0)])) }));
        const dayX = (iso: string) => new Intl.DateTimeFormat(locale === 'tr' ? 'tr-TR' : 'en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(iso));
        const description = format(labels.charts.businessDescription, { tenant: b.tenant, currency: b.currency, timeZone: b.timeZone });
        return (
          <div key={b.tenant} className={styles.charts}>
            <TimeSeriesChart testId={`chart-orders-${b.tenant}`} title={labels.charts.businessTitle} description={description} rows={orderRows} series={series} kind="bars" formatX={dayX} formatY={count} {...empty} />
            <TimeSeriesChart
              testId={`chart-revenue-${b.tenant}`}
              title={labels.charts.revenueTitle}
              description={description}
              rows={revenueRows}
              series={series}
              kind="bars"
              formatX={dayX}
              formatY={(v) => formatMoney(v, b.currency, locale, true)}
              {...empty}
            />
          </div>
        );
      })}
    </>
  );
}
