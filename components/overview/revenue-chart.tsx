'use client';

import { useId, useMemo } from 'react';
import { Area, AreaChart, CartesianGrid, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import { format, type Locale } from '@/lib/i18n/locale';
import type { DailyRevenuePoint } from '@/lib/overview';
import { formatCount, formatDay, formatMoney } from './intl-format';
import styles from './overview.module.css';

export type RevenueChartLabels = {
  title: string;
  /** May hold `{currency}`. */
  description: string;
  revenue: string;
  orders: string;
  empty: string;
};

type ChartPoint = { date: string; revenue: number; orders: number };

const AREA_COLOR = '#1f5eff';
const GRID_COLOR = '#e2e5ea';
const AXIS_COLOR = '#5d6675';
const Y_AXIS_WIDTH_PX = 72;

export function RevenueChart({
  points,
  currencyCode,
  labels,
  locale,
}: {
  points: DailyRevenuePoint[];
  currencyCode: string;
  labels: RevenueChartLabels;
  locale: Locale;
}) {
  const titleId = useId();
  const descriptionId = useId();
  // Money strings become numbers only here, for drawing.
  const data = useMemo<ChartPoint[]>(
    () => points.map((p) => ({ date: p.date, revenue: Number(p.revenue), orders: p.orders })),
    [points],
  );
  // useId may contain characters that break `url(#…)` references.
  const gradientId = `${titleId.replace(/[^A-Za-z0-9_-]/g, '')}-revenue-fill`;
  const byDate = useMemo(() => new Map(data.map((p) => [p.date, p])), [data]);
  const hasSales = data.some((p) => p.orders > 0);
  const description = format(labels.description, { currency: currencyCode });

  return (
    <figure className={styles.panel} aria-labelledby={titleId} aria-describedby={descriptionId}>
      <figcaption className={styles.panelHeader}>
        <h2 id={titleId} className={styles.panelTitle}>
          {labels.title}
        </h2>
        <p id={descriptionId} className={styles.panelDescription}>
          {description}
        </p>
      </figcaption>
      <div className={styles.chartFrame}>
        {hasSales ? (
          <AreaChart
            responsive
            style={{ width: '100%', height: '100%' }}
            data={data}
            margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
            title={labels.title}
            desc={description}
            accessibilityLayer
          >
            <defs>
              <linearGradient id={gradientId} x1="0" y1="0" x2="0" y2="1">
                <stop offset="0%" stopColor={AREA_COLOR} stopOpacity={0.25} />
                <stop offset="100%" stopColor={AREA_COLOR} stopOpacity={0.02} />
              </linearGradient>
            </defs>
            <CartesianGrid stroke={GRID_COLOR} vertical={false} />
            <XAxis
              dataKey="date"
              tickFormatter={(date: string) => formatDay(date, locale)}
              tick={{ fill: AXIS_COLOR, fontSize: 12 }}
              tickLine={false}
              axisLine={{ stroke: GRID_COLOR }}
              minTickGap={24}
            />
            <YAxis
              width={Y_AXIS_WIDTH_PX}
              tickFormatter={(value: number) => formatMoney(value, currencyCode, locale, true)}
              tick={{ fill: AXIS_COLOR, fontSize: 12 }}
              tickLine={false}
              axisLine={false}
              allowDecimals={false}
            />
            <Tooltip
              content={(props: TooltipContentProps) => (
                <RevenueTooltip
                  active={props.active}
                  point={typeof props.label === 'string' ? byDate.get(props.label) : undefined}
                  currencyCode={currencyCode}
                  labels={labels}
                  locale={locale}
                />
              )}
            />
            <Area
              type="monotone"
              dataKey="revenue"
              name={labels.revenue}
              stroke={AREA_COLOR}
              strokeWidth={2}
              fill={`url(#${gradientId})`}
              isAnimationActive={false}
            />
          </AreaChart>
        ) : (
          <div className={styles.empty}>
            <p className={styles.emptyTitle}>{labels.empty}</p>
          </div>
        )}
      </div>
    </figure>
  );
}

function RevenueTooltip({
  active,
  point,
  currencyCode,
  labels,
  locale,
}: {
  active: boolean;
  point: ChartPoint | undefined;
  currencyCode: string;
  labels: RevenueChartLabels;
  locale: Locale;
}) {
  if (!active || !point) return null;
  return (
    <div className={styles.tooltip}>
      <p className={styles.tooltipTitle}>{formatDay(point.date, locale, true)}</p>
      <p className={styles.tooltipRow}>
        <span>{labels.revenue}</span>
        <strong>{formatMoney(point.revenue, currencyCode, locale)}</strong>
      </p>
      <p className={styles.tooltipRow}>
        <span>{labels.orders}</span>
        <strong>{formatCount(point.orders, locale)}</strong>
      </p>
    </div>
  );
}
