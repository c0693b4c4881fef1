'use client';

import { Area, Bar, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis } from 'recharts';
import type { Locale } from '@/lib/i18n/locale';
import { formatMoney } from '@/components/overview/intl-format';
import overview from '@/components/overview/overview.module.css';
import type { PricingLabels } from './labels';

/** One week of the chart: history weeks have units and a price, forecast weeks a forecast and its band. */
export type SalesChartPoint = {
  week: string;
  units: number | null;
  avgPrice: number | null;
  forecast: number | null;
  band: [number, number] | null;
};

const UNITS_COLOR = '#9db4f5';
const PRICE_COLOR = '#d0572b';
const FORECAST_COLOR = '#1f5eff';
const GRID_COLOR = '#e2e5ea';
const AXIS_COLOR = '#5d6675';

/** Weekly units (bars) and average price (line), then the forecast with its 80% band. */
export function SalesForecastChart({ points, currency, labels, locale }: { points: SalesChartPoint[]; currency: string; labels: PricingLabels['detail']; locale: Locale }) {
  return (
    <div className={overview.chartFrame}>
      <ComposedChart responsive style={{ width: '100%', height: '100%' }} data={points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer title={labels.history}>
        <CartesianGrid stroke={GRID_COLOR} vertical={false} />
        <XAxis dataKey="week" tick={{ fill: AXIS_COLOR, fontSize: 12 }} tickLine={false} minTickGap={32} />
        <YAxis yAxisId="units" tick={{ fill: AXIS_COLOR, fontSize: 12 }} tickLine={false} axisLine={false} width={48} />
        <YAxis
          yAxisId="price"
          orientation="right"
          tick={{ fill: AXIS_COLOR, fontSize: 12 }}
          tickLine={false}
          axisLine={false}
          width={72}
          tickFormatter={(v: number) => formatMoney(v, currency, locale, true)}
        />
        <Tooltip
          formatter={(value, name) => {
            if (name === labels.avgPrice && typeof value === 'number') return formatMoney(value, currency, locale);
            if (Array.isArray(value)) return value.map((v) => Number(v).toFixed(1)).join(' – ');
            return typeof value === 'number' ? value.toFixed(1) : String(value ?? '');
          }}
        />
        <Bar yAxisId="units" dataKey="units" name={labels.units} fill={UNITS_COLOR} isAnimationActive={false} />
        <Area yAxisId="units" dataKey="band" name={labels.band} stroke="none" fill={FORECAST_COLOR} fillOpacity={0.15} isAnimationActive={false} />
        <Line yAxisId="units" dataKey="forecast" name={labels.forecast} stroke={FORECAST_COLOR} strokeWidth={2} dot={false} isAnimationActive={false} />
        <Line yAxisId="price" dataKey="avgPrice" name={labels.avgPrice} stroke={PRICE_COLOR} strokeWidth={2} dot={false} connectNulls isAnimationActive={false} />
      </ComposedChart>
    </div>
  );
}
