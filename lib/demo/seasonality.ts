/**
 * How many orders a day brings: a weekly shape (Turkish shops sell less on Saturday and pick up on
 * Sunday evening), a yearly one (the November "Efsane Cuma"/Black Friday week and December gifts
 * peak, late summer is slow), a slow upward trend over the period and day-to-day noise.
 */
import type { Rng } from './prng';

/** Sunday first, as Date.getUTCDay() counts. */
export const WEEKDAY_FACTORS = [0.8, 1.08, 1.06, 1.04, 1.02, 0.96, 0.68] as const;
/** January first. */
export const MONTH_FACTORS = [0.92, 0.84, 0.95, 0.97, 1.0, 0.93, 0.86, 0.88, 0.98, 1.05, 1.5, 1.38] as const;
/** Demand at the start and at the end of the period, relative to its middle. */
export const TREND_START = 0.82;
export const TREND_END = 1.18;
/** Lognormal sigma of day-to-day noise on top of the Poisson draw. */
const DAILY_NOISE_SIGMA = 0.12;
/**
 * Orders per customer per day at factor 1: `--customers 50000 --months 36` gives about 160k orders,
 * the defaults (200 customers, 12 months) about 220.
 */
export const ORDERS_PER_CUSTOMER_PER_DAY = 0.003;
/** Weight of each UTC hour in a day's orders: Turkish evenings (UTC+3) are busiest. */
export const HOUR_WEIGHTS = [
  2, 1, 1, 1, 1, 2, 4, 6, 7, 7, 7, 7, 8, 9, 9, 9, 10, 11, 12, 11, 8, 5, 3, 2,
] as const;

export function demandFactor(dayStartMs: number, periodProgress: number): number {
  const day = new Date(dayStartMs);
  const weekly = WEEKDAY_FACTORS[day.getUTCDay()]!;
  const yearly = MONTH_FACTORS[day.getUTCMonth()]!;
  const trend = TREND_START + (TREND_END - TREND_START) * Math.min(1, Math.max(0, periodProgress));
  return weekly * yearly * trend;
}

/** The day's order count: Poisson around the expected count, with lognormal day noise. */
export function drawDailyOrderCount(rng: Rng, customers: number, factor: number, dayFraction = 1): number {
  const noise = Math.exp(DAILY_NOISE_SIGMA * rng.normal() - (DAILY_NOISE_SIGMA * DAILY_NOISE_SIGMA) / 2);
  return rng.poisson(customers * ORDERS_PER_CUSTOMER_PER_DAY * factor * noise * dayFraction);
}
