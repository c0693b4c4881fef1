'use client';

import { useId } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { EmptyState } from '@/components/overview/empty-state';
import styles from '@/components/overview/overview.module.css';

export type ChartSeries = { key: string; label: string; color: string };
export type ChartRow = { t: string } & Record<string, number | string | null>;

const GRID_COLOR = '#e2e5ea';
const AXIS_COLOR = '#5d6675';
const Y_AXIS_WIDTH_PX = 64;

/** Colours in series order; text labels (legend, tooltip) always carry the meaning too. */
export const SERIES_COLORS = ['#1f5eff', '#e8590c', '#2b8a3e', '#ae3ec9', '#c92a2a', '#0b7285', '#5c940d', '#862e9c'];

/**
 * One Recharts time series panel: lines (percentiles, rates) or stacked bars (counts per step). The
 * rows come prepared (one per step, a key per series); an all-empty range shows the empty state.
 */
export function TimeSeriesChart({
  title,
  description,
  rows,
  series,
  kind,
  formatX,
  formatY,
  empty,
  emptyHint,
  testId,
}: {
  title: string;
  description: string;
  rows: ChartRow[];
  series: ChartSeries[];
  kind: 'line' | 'bars';
  formatX: (iso: string) => string;
  formatY: (value: number) => string;
  empty: string;
  emptyHint?: string;
  testId?: string;
}) {
  const titleId = useId();
  const hasData = series.length > 0 && rows.some((r) => series.some((s) => typeof r[s.key] === 'number' && (r[s.key] as number) > 0));
  const axes = (
    <>
      <CartesianGrid stroke={GRID_COLOR} vertical={false} />
      <XAxis dataKey="t" tickFormatter={formatX} tick={{ fill: AXIS_COLOR, fontSize: 12 }} tickLine={false} axisLine={{ stroke: GRID_COLOR }} minTickGap={32} />
      <YAxis width={Y_AXIS_WIDTH_PX} tickFormatter={formatY} tick={{ fill: AXIS_COLOR, fontSize: 12 }} tickLine={false} axisLine={false} allowDecimals={false} />
      <Tooltip labelFormatter={(label) => formatX(String(label))} formatter={(value) => (typeof value === 'number' ? formatY(value) : String(value ?? ''))} />
      <Legend wrapperStyle={{ fontSize: 12 }} />
    </>
  );
  return (
    <figure className={styles.panel} aria-labelledby={titleId} data-testid={testId}>
      <figcaption className={styles.panelHeader}>
        <h2 id={titleId} className={styles.panelTitle}>
          {title}
        </h2>
        <p className={styles.panelDescription}>{description}</p>
      </figcaption>
      <div className={styles.chartFrame}>
        {!hasData ? (
          <EmptyState title={empty} hint={emptyHint} />
        ) : kind === 'bars' ? (
          <BarChart responsive style={{ width: '100%', height: '100%' }} data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} title={title} accessibilityLayer>
            {axes}
            {series.map((s) => (
              <Bar key={s.key} dataKey={s.key} name={s.label} stackId="steps" fill={s.color} isAnimationActive={false} />
            ))}
          </BarChart>
        ) : (
          <LineChart responsive style={{ width: '100%', height: '100%' }} data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} title={title} accessibilityLayer>
            {axes}
            {series.map((s) => (
              // Dots too: a step with data between empty ones has no line to draw.
              <Line key={s.key} dataKey={s.key} name={s.label} stroke={s.color} strokeWidth={2} dot={{ r: 2.5 }} connectNulls={false} type="stepAfter" isAnimationActive={false} />
            ))}
          </LineChart>
        )}
      </div>
    </figure>
  );
}
