import { z } from 'zod';
import type { RollupGrain } from '@/lib/db/schema/monitoring';
import { DAY_MS, HOUR_MS, MINUTE_MS, ceilTo } from '../database-time';

export const MONITORING_RANGES = ['1h', '24h', '7d', '30d'] as const;
export type MonitoringRange = (typeof MONITORING_RANGES)[number];
export const monitoringRangeSchema = z.enum(MONITORING_RANGES);

/**
 * Each range's chart step and the rollup grain it reads: 60, 96, 168 and 120 points. Minute rows up
 * to a day, hour rows beyond, so no chart sums more than about 1,500 rows per marketplace.
 */
export const RANGE_SPECS: Record<MonitoringRange, { spanMs: number; stepMs: number; grain: RollupGrain }> = {
  '1h': { spanMs: HOUR_MS, stepMs: MINUTE_MS, grain: 'minute' },
  '24h': { spanMs: DAY_MS, stepMs: 15 * MINUTE_MS, grain: 'minute' },
  '7d': { spanMs: 7 * DAY_MS, stepMs: HOUR_MS, grain: 'hour' },
  '30d': { spanMs: 30 * DAY_MS, stepMs: 6 * HOUR_MS, grain: 'hour' },
};

export type RangeWindow = { range: MonitoringRange; from: Date; to: Date; stepMs: number; grain: RollupGrain; points: number };

/** The window ending with the current step (the unfinished one included), aligned to the step. */
export function rangeWindow(range: MonitoringRange, now: Date): RangeWindow {
  const spec = RANGE_SPECS[range];
  const to = ceilTo(new Date(now.getTime() + 1), spec.stepMs);
  return { range, from: new Date(to.getTime() - spec.spanMs), to, stepMs: spec.stepMs, grain: spec.grain, points: spec.spanMs / spec.stepMs };
}

/** Start of every step of the window, oldest first (charts show empty steps as zero). */
export function stepStarts(w: RangeWindow): Date[] {
  return Array.from({ length: w.points }, (_, i) => new Date(w.from.getTime() + i * w.stepMs));
}
