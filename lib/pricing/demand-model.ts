/**
 * The weekly demand model (docs/pricing.md): a Poisson regression of weekly units on log price, a
 * linear trend and two yearly Fourier harmonics gives the price elasticity and the yearly shape; simple
 * exponential smoothing of what is left (units with price and season divided out) gives the current
 * level. A forecast is level × season × (price / reference)^elasticity.
 */
import { fitPoisson } from './poisson-regression';

export const WEEK_MS = 7 * 86_400_000;
const WEEKS_PER_YEAR = 365.25 / 7;
/** Yearly harmonics need a full year to be told apart from the trend and the level. */
const SEASONAL_MIN_WEEKS = 52;
const HARMONICS = 2;
const TREND_MIN_WEEKS = 8;
/** Smoothing constants tried; the one with the smallest one-step error is kept. */
const ALPHAS = [0.05, 0.1, 0.2, 0.3, 0.5] as const;
const LEVEL_START_WEEKS = 8;
/** The band is from the one-step errors of this many latest weeks. */
const BAND_WEEKS = 26;
/** z for a central 80% band. */
const BAND_Z = 1.2816;

/** Consecutive weeks of one product, oldest first; prices are net unit prices paid (carried over weeks without sales). */
export type WeeklySeries = {
  firstWeekMs: number;
  units: readonly number[];
  prices: readonly number[];
};

export type DemandModel = {
  /** d ln(units) / d ln(price). */
  elasticity: number;
  /** Its standard error when it was fitted here; null when it was given. */
  elasticitySe: number | null;
  converged: boolean;
  referencePrice: number;
  /** Price- and season-adjusted weekly units at the end of the history. */
  level: number;
  alpha: number;
  /** Root mean square of the latest one-step errors, in units per week. */
  sigma: number;
  firstWeekMs: number;
  weeks: number;
  seasonal: number[];
};

function yearAngle(weekMs: number): number {
  const date = new Date(weekMs);
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  return (2 * Math.PI * ((weekMs - yearStart) / WEEK_MS)) / WEEKS_PER_YEAR;
}

function seasonalTerms(weekMs: number, harmonics: number): number[] {
  const angle = yearAngle(weekMs);
  const terms: number[] = [];
  for (let k = 1; k <= harmonics; k++) terms.push(Math.sin(k * angle), Math.cos(k * angle));
  return terms;
}

/** The log seasonal factor of a week, from the fitted harmonics. */
export function seasonalLog(model: Pick<DemandModel, 'seasonal'>, weekMs: number): number {
  if (model.seasonal.length === 0) return 0;
  const terms = seasonalTerms(weekMs, model.seasonal.length / 2);
  return terms.reduce((sum, term, i) => sum + term * model.seasonal[i]!, 0);
}

/**
 * Fits the model to a series. With `fixedElasticity` the price effect is an offset (a category or prior
 * estimate); without it the elasticity is a coefficient of the regression. Null when nothing sold.
 */
export function fitDemandModel(series: WeeklySeries, referencePrice: number, fixedElasticity?: number): DemandModel | null {
  const weeks = series.units.length;
  if (weeks === 0 || !(referencePrice > 0)) return null;
  const harmonics = weeks >= SEASONAL_MIN_WEEKS ? HARMONICS : 0;
  const withTrend = weeks >= TREND_MIN_WEEKS;
  const own = fixedElasticity === undefined;
  const logPrices = series.prices.map((p) => Math.log(p / referencePrice));
  const rows: number[][] = [];
  for (let t = 0; t < weeks; t++) {
    const row = [1];
    if (own) row.push(logPrices[t]!);
    if (withTrend) row.push((t - weeks / 2) / WEEKS_PER_YEAR);
    row.push(...seasonalTerms(series.firstWeekMs + t * WEEK_MS, harmonics));
    rows.push(row);
  }
  const fit = fitPoisson(rows, series.units, own ? undefined : logPrices.map((lp) => lp * fixedElasticity));
  if (!fit) return null;
  const elasticity = own ? fit.coefficients[1]! : fixedElasticity;
  const seasonal = fit.coefficients.slice(fit.coefficients.length - 2 * harmonics);
  const shape = { seasonal };

  // Price and season divided out; what remains is smoothed into the level.
  const effect = (t: number) => Math.exp(elasticity * logPrices[t]! + seasonalLog(shape, series.firstWeekMs + t * WEEK_MS));
  const startWeeks = Math.min(LEVEL_START_WEEKS, weeks);
  let startLevel = 0;
  for (let t = 0; t < startWeeks; t++) startLevel += series.units[t]! / effect(t);
  startLevel /= startWeeks;

  let best = { alpha: ALPHAS[0] as number, sse: Infinity, level: startLevel, sigma: 0 };
  for (const alpha of ALPHAS) {
    let level = startLevel;
    let sse = 0;
    let bandSse = 0;
    let bandCount = 0;
    for (let t = 0; t < weeks; t++) {
      const factor = effect(t);
      const error = series.units[t]! - level * factor;
      sse += error * error;
      if (t >= weeks - BAND_WEEKS) {
        bandSse += error * error;
        bandCount++;
      }
      level = alpha * (series.units[t]! / factor) + (1 - alpha) * level;
    }
    if (sse < best.sse) best = { alpha, sse, level, sigma: Math.sqrt(bandSse / Math.max(1, bandCount)) };
  }
  return {
    elasticity,
    elasticitySe: own ? fit.standardErrors[1]! : null,
    converged: fit.converged,
    referencePrice,
    level: best.level,
    alpha: best.alpha,
    sigma: best.sigma,
    firstWeekMs: series.firstWeekMs,
    weeks,
    seasonal,
  };
}

export type ForecastWeek = { weekMs: number; units: number; low: number; high: number };

/** Units expected in the `count` weeks after the history, at `price` (or each week's own price). */
export function forecastUnits(model: DemandModel, count: number, price: number | readonly number[]): ForecastWeek[] {
  const result: ForecastWeek[] = [];
  for (let h = 0; h < count; h++) {
    const weekMs = model.firstWeekMs + (model.weeks + h) * WEEK_MS;
    const p = typeof price === 'number' ? price : price[h]!;
    const units = model.level * Math.exp(model.elasticity * Math.log(p / model.referencePrice) + seasonalLog(model, weekMs));
    const half = BAND_Z * model.sigma;
    result.push({ weekMs, units, low: Math.max(0, units - half), high: units + half });
  }
  return result;
}
