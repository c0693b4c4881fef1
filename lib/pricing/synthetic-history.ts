/**
 * Weekly sales with a known answer, for the evaluation test and the benchmark: Poisson units around
 * level × yearly season × trend × (price / reference)^elasticity, with the price moved a few times.
 */
import { createRng } from '@/lib/demo/prng';
import { WEEK_MS, type WeeklySeries } from './demand-model';

export type SyntheticOptions = {
  seed: number;
  weeks: number;
  elasticity: number;
  /** Mean weekly units at the reference price and a neutral season. */
  level: number;
  referencePrice: number;
  /** Amplitude of the yearly swing in log units (0.3 ≈ ±35%). */
  seasonAmplitude: number;
  /** Price changes over the history; each moves the price within ±maxPriceMove of the reference. */
  priceChanges: number;
  maxPriceMove: number;
  /** A Monday. */
  firstWeekMs?: number;
};

export const SYNTHETIC_FIRST_WEEK_MS = Date.UTC(2024, 0, 1);

export function yearlySeason(weekMs: number, amplitude: number): number {
  const date = new Date(weekMs);
  const dayOfYear = (weekMs - Date.UTC(date.getUTCFullYear(), 0, 1)) / 86_400_000;
  // Peak in late November, as the shops' own year does.
  return Math.exp(amplitude * Math.cos((2 * Math.PI * (dayOfYear - 330)) / 365.25));
}

export function syntheticSeries(options: SyntheticOptions): WeeklySeries {
  const rng = createRng(options.seed);
  const firstWeekMs = options.firstWeekMs ?? SYNTHETIC_FIRST_WEEK_MS;
  const changeWeeks = new Set<number>();
  while (changeWeeks.size < Math.min(options.priceChanges, options.weeks - 1)) changeWeeks.add(rng.int(1, options.weeks - 1));
  let price = options.referencePrice;
  const units: number[] = [];
  const prices: number[] = [];
  for (let t = 0; t < options.weeks; t++) {
    if (changeWeeks.has(t)) price = options.referencePrice * (1 + (2 * rng.next() - 1) * options.maxPriceMove);
    const weekMs = firstWeekMs + t * WEEK_MS;
    const trend = 0.9 + (0.2 * t) / options.weeks;
    const mean = options.level * yearlySeason(weekMs, options.seasonAmplitude) * trend * (price / options.referencePrice) ** options.elasticity;
    units.push(rng.poisson(mean));
    prices.push(price);
  }
  return { firstWeekMs, units, prices };
}
