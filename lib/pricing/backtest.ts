/**
 * The forecast's error on weeks it did not see: the model is refitted on all but the last
 * HOLDOUT_WEEKS weeks and forecasts them at the prices actually charged. MASE divides its mean
 * absolute error by the in-sample error of the seasonal-naive forecast (same week last year); MAPE is
 * given only where every held-out week sold enough units for a percentage to mean something.
 */
import { fitDemandModel, forecastUnits, type WeeklySeries } from './demand-model';
import type { ElasticityChoice } from './elasticity';

export const HOLDOUT_WEEKS = 8;
const SEASON_WEEKS = 52;
export const MAPE_MIN_WEEKLY_UNITS = 5;

export type BacktestSkip = 'shortForSeasonalNaive' | 'seasonalNaivePerfect' | 'lowVolume' | 'noFit';

export type Backtest = {
  holdoutWeeks: number;
  mase: number | null;
  mape: number | null;
  /** Mean absolute error on the held-out weeks, units per week. */
  mae: number | null;
  maseSkipped?: BacktestSkip;
  mapeSkipped?: BacktestSkip;
};

export function backtestSeries(series: WeeklySeries, referencePrice: number, choice: ElasticityChoice): Backtest {
  const trainWeeks = series.units.length - HOLDOUT_WEEKS;
  const empty: Backtest = { holdoutWeeks: HOLDOUT_WEEKS, mase: null, mape: null, mae: null };
  if (trainWeeks <= SEASON_WEEKS) return { ...empty, maseSkipped: 'shortForSeasonalNaive', mapeSkipped: 'shortForSeasonalNaive' };
  const train: WeeklySeries = {
    firstWeekMs: series.firstWeekMs,
    units: series.units.slice(0, trainWeeks),
    prices: series.prices.slice(0, trainWeeks),
  };
  const model =
    (choice.source === 'own' ? fitDemandModel(train, referencePrice) : null) ?? fitDemandModel(train, referencePrice, choice.value);
  if (!model) return { ...empty, maseSkipped: 'noFit', mapeSkipped: 'noFit' };
  const actual = series.units.slice(trainWeeks);
  const forecast = forecastUnits(model, HOLDOUT_WEEKS, series.prices.slice(trainWeeks));
  const errors = actual.map((u, h) => Math.abs(u - forecast[h]!.units));
  const mae = errors.reduce((s, e) => s + e, 0) / errors.length;
  if (!Number.isFinite(mae)) return { ...empty, maseSkipped: 'noFit', mapeSkipped: 'noFit' };

  let naive = 0;
  for (let t = SEASON_WEEKS; t < trainWeeks; t++) naive += Math.abs(train.units[t]! - train.units[t - SEASON_WEEKS]!);
  naive /= trainWeeks - SEASON_WEEKS;
  const mase = naive > 0 ? mae / naive : null;
  const mape = actual.every((u) => u >= MAPE_MIN_WEEKLY_UNITS)
    ? (100 * errors.reduce((s, e, h) => s + e / actual[h]!, 0)) / errors.length
    : null;
  return {
    holdoutWeeks: HOLDOUT_WEEKS,
    mae,
    mase,
    mape,
    ...(mase === null ? { maseSkipped: 'seasonalNaivePerfect' as const } : {}),
    ...(mape === null ? { mapeSkipped: 'lowVolume' as const } : {}),
  };
}
