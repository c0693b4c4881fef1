/**
 * Which elasticity a product's suggestion uses. Its own, from the demand model's regression, when its
 * price moved enough and it sold enough for the slope to mean something; otherwise its category's mean
 * of own estimates shrunk toward a prior, or the prior alone, both flagged low confidence.
 */
import type { ElasticitySource } from '@/lib/db/schema';
import { fitDemandModel, type DemandModel, type WeeklySeries } from './demand-model';

const OWN_MIN_WEEKS = 16;
const OWN_MIN_UNITS = 30;
const OWN_MIN_SELLING_WEEKS = 8;
/** Standard deviation of log price over selling weeks: about a 3% spread. */
const OWN_MIN_LOG_PRICE_SD = 0.03;
/** A slope less certain than this is no better than the category's. */
const OWN_MAX_SE = 0.75;
/**
 * The assumed elasticity when nothing better is known, and its weight in products: a category mean of
 * n own estimates becomes (n·mean + k·prior) / (n + k). Retail studies put typical own-price
 * elasticities between −1 and −3; −1.5 is an assumption, shown as such.
 */
export const PRIOR_ELASTICITY = -1.5;
export const PRIOR_WEIGHT_PRODUCTS = 5;

export type OwnRefusal = 'shortHistory' | 'fewUnits' | 'flatPrice' | 'noFit' | 'uncertain' | 'positive';

export type ElasticityChoice = {
  value: number;
  se: number | null;
  source: ElasticitySource;
  /** Why the product's own estimate was not used. */
  refusal?: OwnRefusal;
  /** Own estimates behind a category value. */
  categoryProducts?: number;
};

export type CategoryElasticity = { mean: number; products: number };

function logPriceSd(series: WeeklySeries): number {
  const logs = series.prices.filter((_, t) => series.units[t]! > 0).map(Math.log);
  if (logs.length < 2) return 0;
  const mean = logs.reduce((s, v) => s + v, 0) / logs.length;
  return Math.sqrt(logs.reduce((s, v) => s + (v - mean) ** 2, 0) / (logs.length - 1));
}

/** Why a series cannot carry its own estimate, before fitting; null when it can. */
function refuseBeforeFit(series: WeeklySeries): OwnRefusal | null {
  if (series.units.length < OWN_MIN_WEEKS) return 'shortHistory';
  const total = series.units.reduce((s, v) => s + v, 0);
  const selling = series.units.filter((u) => u > 0).length;
  if (total < OWN_MIN_UNITS || selling < OWN_MIN_SELLING_WEEKS) return 'fewUnits';
  if (logPriceSd(series) < OWN_MIN_LOG_PRICE_SD) return 'flatPrice';
  return null;
}

function refuseAfterFit(model: DemandModel | null): OwnRefusal | null {
  if (!model || !model.converged || model.elasticitySe === null || !Number.isFinite(model.elasticitySe)) return 'noFit';
  if (model.elasticitySe > OWN_MAX_SE) return 'uncertain';
  // Demand rising with price on the shop's own history is confounding (prices raised in busy weeks), not a law.
  if (model.elasticity >= 0) return 'positive';
  return null;
}

export function shrinkToPrior(category: CategoryElasticity | undefined): ElasticityChoice {
  if (!category || category.products === 0) return { value: PRIOR_ELASTICITY, se: null, source: 'prior' };
  const value = (category.products * category.mean + PRIOR_WEIGHT_PRODUCTS * PRIOR_ELASTICITY) / (category.products + PRIOR_WEIGHT_PRODUCTS);
  return { value, se: null, source: 'category', categoryProducts: category.products };
}

/** The demand model of a series with the elasticity it should use, and that choice. */
export function fitWithElasticity(
  series: WeeklySeries,
  referencePrice: number,
  category: CategoryElasticity | undefined,
): { model: DemandModel | null; choice: ElasticityChoice } {
  const before = refuseBeforeFit(series);
  if (before === null) {
    const own = fitDemandModel(series, referencePrice);
    const after = refuseAfterFit(own);
    if (after === null && own) return { model: own, choice: { value: own.elasticity, se: own.elasticitySe, source: 'own' } };
    const fallback = { ...shrinkToPrior(category), refusal: after ?? 'noFit' };
    return { model: fitDemandModel(series, referencePrice, fallback.value), choice: fallback };
  }
  const fallback = { ...shrinkToPrior(category), refusal: before };
  return { model: fitDemandModel(series, referencePrice, fallback.value), choice: fallback };
}
