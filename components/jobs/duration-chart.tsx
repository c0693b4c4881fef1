'use client';

import { useId, useMemo } from 'react';
import { CartesianGrid, Legend, Scatter, ScatterChart, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import { format, type Locale } from '@/lib/i18n/locale';
import type { DurationSeries } from '@/lib/jobs/queries/job-duration-series';
import { formatClock, formatInstant } from '@/components/webhooks/format-instant';
import overview from '@/components/overview/overview.module.css';
import { formatDuration } from './format-duration';
import type { JobsLabels } from './labels';
import styles from './jobs.module.css';

/** One colour per job, in registry order; the tooltip says when a run failed. */
const SERIES_COLORS = ['#1f5eff', '#1e8a4c', '#b45309', '#7c3aed', '#be185d', '#0e7490'];
const GRID_COLOR = '#e2e5ea';
const AXIS_COLOR = '#5d6675';
const Y_AXIS_WIDTH_PX = 76;

type ChartPoint = { t: number; durationMs: number; failed: boolean; runId: number; title: string };

/** How long the latest runs of each job took, over time: a job that slows down shows here first. */
export function DurationChart({
  series,
  titles,
  runsPerJob,
  labels,
  locale,
  timeZone,
}: {
  series: DurationSeries[];
  /** Job name → title in the reader's language. */
  titles: Record<string, string>;
  runsPerJob: number;
  labels: JobsLabels['chart'];
  locale: Locale;
  timeZone: string;
}) {
  const titleId = useId();
  const descriptionId = useId();
  const data = useMemo(
    () =>
      series.map((s) => ({
        job: s.job,
        title: titles[s.job] ?? s.job,
        points: s.points.map<ChartPoint>((p) => ({
          t: Date.parse(p.startedAt),
          durationMs: p.durationMs,
          failed: p.status === 'failed',
          runId: p.runId,
          title: titles[s.job] ?? s.job,
        })),
      })),
    [series, titles],
  );
  const byRun = useMemo(() => new Map(data.flatMap((s) => s.points.map((p) => [p.runId, p] as const))), [data]);
  const hasPoints = byRun.size > 0;
  const description = format(labels.description, { count: runsPerJob });

  return (
    <figure className={overview.panel} aria-labelledby={titleId} aria-describedby={descriptionId}>
      <figcaption className={overview.panelHeader}>
        <h2 id={titleId} className={overview.panelTitle}>
          {labels.title}
        </h2>
        <p id={descriptionId} className={overview.panelDescription}>
          {description}
        </p>
      </figcaption>
      <div className={overview.chartFrame}>
        {hasPoints ? (
          <ScatterChart
            responsive
            style={{ width: '100%', height: '100%' }}
            margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
            title={labels.title}
            desc={description}
            accessibilityLayer
          >
            <CartesianGrid stroke={GRID_COLOR} vertical={false} />
            <XAxis
              type="number"
              dataKey="t"
              domain={['dataMin', 'dataMax']}
              scale="time"
              tickFormatter={(t: number) => formatClock(t, locale, timeZone)}
              tick={{ fill: AXIS_COLOR, fontSize: 12 }}
              tickLine={false}
              axisLine={{ stroke: GRID_COLOR }}
              minTickGap={32}
              name={labels.started}
            />
            <YAxis
              type="number"
              dataKey="durationMs"
              width={Y_AXIS_WIDTH_PX}
              tickFormatter={(ms: number) => formatDuration(ms, locale)}
              tick={{ fill: AXIS_COLOR, fontSize: 12 }}
              tickLine={false}
              axisLine={false}
              name={labels.duration}
            />
            <Tooltip
              content={(props: TooltipContentProps) => (
                <DurationTooltip active={props.active} point={byRun.get(runIdOf(props) ?? -1)} labels={labels} locale={locale} timeZone={timeZone} />
              )}
            />
            <Legend />
            {data.map((s, i) => (
              <Scatter
                key={s.job}
                name={s.title}
                data={s.points}
                fill={SERIES_COLORS[i % SERIES_COLORS.length]}
                line={{ stroke: SERIES_COLORS[i % SERIES_COLORS.length], strokeWidth: 1 }}
                shape="circle"
                isAnimationActive={false}
              />
            ))}
          </ScatterChart>
        ) : (
          <div className={overview.empty}>
            <p className={overview.emptyTitle}>{labels.empty}</p>
          </div>
        )}
      </div>
    </figure>
  );
}

/** The run under the pointer: Recharts hands back the point it was given, typed as unknown. */
function runIdOf(props: TooltipContentProps): number | undefined {
  const payload: unknown = props.payload?.[0]?.payload;
  if (payload && typeof payload === 'object' && 'runId' in payload && typeof payload.runId === 'number') return payload.runId;
  return undefined;
}

function DurationTooltip({
  active,
  point,
  labels,
  locale,
  timeZone,
}: {
  active: boolean;
  point: ChartPoint | undefined;
  labels: JobsLabels['chart'];
  locale: Locale;
  timeZone: string;
}) {
  if (!active || !point) return null;
  return (
    <div className={overview.tooltip}>
      <p className={overview.tooltipTitle}>
        {point.title} · #{point.runId}
        {point.failed ? <span className={styles.tooltipFailed}> · {labels.failed}</span> : null}
      </p>
      <p className={overview.tooltipRow}>
        <span>{labels.started}</span>
        <strong>{formatInstant(new Date(point.t).toISOString(), locale, timeZone)}</strong>
      </p>
      <p className={overview.tooltipRow}>
        <span>{labels.duration}</span>
        <strong>{formatDuration(point.durationMs, locale)}</strong>
      </p>
    </div>
  );
}
