'use client';

import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { Locale } from '@/lib/i18n/locale';
import { formatMoney } from '@/components/overview/intl-format';
import overview from '@/components/overview/overview.module.css';

const SELLER_COLORS = ['#1f5eff', '#d0572b', '#1e6b35', '#8a5300', '#7a3fc4', '#3b4452'];
const GRID_COLOR = '#e2e5ea';
const AXIS_COLOR = '#5d6675';

/** Rows keyed by the observation's day, a column per seller. */
export type CompetitorSeries = { sellers: string[]; rows: Array<Record<string, string | number>> };

export function CompetitorChart({ series, currency, title, locale }: { series: CompetitorSeries; currency: string; title: string; locale: Locale }) {
  return (
    <div className={overview.chartFrame}>
      <LineChart responsive style={{ width: '100%', height: '100%' }} data={series.rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer title={title}>
        <CartesianGrid stroke={GRID_COLOR} vertical={false} />
        <XAxis dataKey="day" tick={{ fill: AXIS_COLOR, fontSize: 12 }} tickLine={false} minTickGap={32} />
        <YAxis tick={{ fill: AXIS_COLOR, fontSize: 12 }} tickLine={false} axisLine={false} width={72} tickFormatter={(v: number) => formatMoney(v, currency, locale, true)} domain={['auto', 'auto']} />
        <Tooltip formatter={(value) => (typeof value === 'number' ? formatMoney(value, currency, locale) : String(value ?? ''))} />
        <Legend />
        {series.sellers.map((seller, i) => (
          <Line key={seller} dataKey={seller} name={seller} stroke={SELLER_COLORS[i % SELLER_COLORS.length]} strokeWidth={2} connectNulls isAnimationActive={false} />
        ))}
      </LineChart>
    </div>
  );
}
