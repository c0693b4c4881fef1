'use client';

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { INTL_LOCALE, type Locale } from '@/lib/i18n/locale';
import type { UsageSeries } from '@/lib/quotas/usage';
import overview from '@/components/overview/overview.module.css';
import { formatCount } from './format-usage';
import type { UsageLabels } from './labels';
import styles from './usage.module.css';

const BAR_COLOR = '#1f5eff';
const GRID_COLOR = '#e2e5ea';
const AXIS_COLOR = '#5d6675';
const Y_AXIS_WIDTH_PX = 44;

type ChartBucket = { start: number; value: number };

function tickFormatter(kind: 'hours' | 'days', locale: Locale, timeZone: string) {
  const options: Intl.DateTimeFormatOptions =
    kind === 'hours' ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone } : { day: '2-digit', month: '2-digit', timeZone: 'UTC' };
  const f = new Intl.DateTimeFormat(INTL_LOCALE[locale], options);
  return (t: number) => f.format(new Date(t));
}

function SeriesChart({
  buckets,
  kind,
  caption,
  labels,
  locale,
  timeZone,
}: {
  buckets: ChartBucket[];
  kind: 'hours' | 'days';
  caption: string;
  labels: UsageLabels['charts'];
  locale: Locale;
  timeZone: string;
}) {
  const formatTick = tickFormatter(kind, locale, timeZone);
  const empty = buckets.every((b) => b.value === 0);
  return (
    <div>
      <p className={styles.chartCaption}>{caption}</p>
      <div className={styles.chartBox}>
        {empty ? (
          <div className={overview.empty} style={{ height: '100%' }}>
            <p className={overview.emptyTitle}>{labels.empty}</p>
          </div>
        ) : (
          <BarChart responsive style={{ width: '100%', height: '100%' }} data={buckets} margin={{ top: 4, right: 4, bottom: 0, left: 0 }} title={caption} accessibilityLayer>
            <CartesianGrid stroke={GRID_COLOR} vertical={false} />
            <XAxis dataKey="start" tickFormatter={formatTick} tick={{ fill: AXIS_COLOR, fontSize: 11 }} tickLine={false} axisLine={{ stroke: GRID_COLOR }} minTickGap={24} />
            <YAxis width={Y_AXIS_WIDTH_PX} allowDecimals={false} tickFormatter={(v: number) => formatCount(v, locale)} tick={{ fill: AXIS_COLOR, fontSize: 11 }} tickLine={false} axisLine={false} />
            <Tooltip labelFormatter={(t) => formatTick(Number(t))} formatter={(v) => [formatCount(Number(v), locale), labels.value]} />
            <Bar dataKey="value" fill={BAR_COLOR} isAnimationActive={false} />
          </BarChart>
        )}
      </div>
    </div>
  );
}

/** Per metric, the last 24 hours by hour and the last 30 days by day, from the tenant's counters. */
export function UsageCharts({ series, labels, locale, timeZone }: { series: UsageSeries[]; labels: UsageLabels['charts']; locale: Locale; timeZone: string }) {
  return (
    <div className={styles.charts}>
      {series.map((s) => {
        const title = labels.metrics[s.metric as keyof typeof labels.metrics] ?? s.metric;
        return (
          <figure key={s.metric} className={overview.panel} aria-label={title}>
            <figcaption className={overview.panelHeader}>
              <h2 className={overview.panelTitle}>{title}</h2>
            </figcaption>
            <div className={styles.chartPair}>
              <SeriesChart buckets={s.hours} kind="hours" caption={labels.hours} labels={labels} locale={locale} timeZone={timeZone} />
              <SeriesChart buckets={s.days} kind="days" caption={labels.days} labels={labels} locale={locale} timeZone={timeZone} />
            </div>
          </figure>
        );
      })}
    </div>
  );
}
