/**
 * One product's suggestion: the demand model with its elasticity and backtest, the rules' range, and
 * the rounded price in it with the highest expected profit over the next weeks (revenue when the cost
 * is unknown), with the reasons in words the page renders (`reasons.ts`).
 */
import type { ElasticitySource, SuggestionConfidence } from '@/lib/db/schema';
import { backtestSeries, type Backtest } from './backtest';
import { forecastUnits, type ForecastWeek, type WeeklySeries } from './demand-model';
import { fitWithElasticity, type CategoryElasticity, type OwnRefusal } from './elasticity';
import { allowedRange, bestRoundedPrice, grossOf, netOf, type PricingRules, type TaxShape } from './price-rules';

export const FORECAST_WEEKS = 4;
const HIGH_CONFIDENCE_MAX_SE = 0.3;
const HIGH_CONFIDENCE_MAX_MASE = 0.8;

export type CompetitorPrice = { seller: string; price: number; observedAt: string };

export type ProductPricingInput = {
  productId: number;
  categoryId: number;
  /** oc_product.price (net). */
  basePrice: number;
  /** The special a guest sees now (net), if any. */
  specialPrice: number | null;
  tax: TaxShape;
  costNet: number | null;
  rules: PricingRules;
  /** Latest prices per seller, with tax, in the shop's currency. */
  lowestCompetitor: CompetitorPrice | null;
  buyBox: CompetitorPrice | null;
  /** Weekly sales up to the last complete week; null when the product never sold in the window. */
  series: WeeklySeries | null;
  category: CategoryElasticity | undefined;
};

export type Reason =
  | { code: 'competitor'; seller: string; price: number }
  | { code: 'buyBox'; seller: string; price: number }
  | { code: 'elasticity'; value: number; se: number | null; source: ElasticitySource; refusal?: OwnRefusal; products?: number }
  | { code: 'revenueOnly' }
  | { code: 'peak'; price: number }
  | { code: 'marginFloor'; pct: number; price: number }
  | { code: 'maxStepDown' | 'maxStepUp'; pct: number; price: number }
  | { code: 'priceFloor' | 'priceCeiling'; price: number }
  | { code: 'beatCompetitor'; by: number; price: number }
  | { code: 'competitorOverruled'; price: number; floor: number }
  | { code: 'rounding'; ending: string }
  | { code: 'special'; price: number }
  | { code: 'keep' }
  | { code: 'noSales' }
  | { code: 'noPrice' }
  | { code: 'conflict'; low: number; lowRule: string; high: number; highRule: string }
  | { code: 'noRoundedPrice'; low: number; high: number; ending: string };

export type Suggestion = {
  productId: number;
  categoryId: number;
  status: 'open' | 'none';
  objective: 'profit' | 'revenue';
  currentPrice: number;
  currentGross: number;
  suggestedPrice: number | null;
  suggestedGross: number | null;
  unitsCurrent: number;
  unitsSuggested: number;
  revenueDelta: number;
  profitDelta: number | null;
  gain: number;
  elasticity: { value: number; se: number | null; source: ElasticitySource };
  confidence: SuggestionConfidence;
  backtest: Backtest | null;
  /** At the suggested price (the current one when there is none). */
  forecast: ForecastWeek[];
  forecastCurrent: ForecastWeek[];
  reasons: Reason[];
};

const round2 = (v: number) => Math.round(v * 100) / 100;
const sum = (weeks: readonly ForecastWeek[]) => weeks.reduce((s, w) => s + w.units, 0);

function confidenceOf(source: ElasticitySource, se: number | null, backtest: Backtest | null): SuggestionConfidence {
  if (source !== 'own') return 'low';
  if (backtest?.mase != null && backtest.mase >= 1) return 'low';
  if (se !== null && se <= HIGH_CONFIDENCE_MAX_SE && backtest?.mase != null && backtest.mase < HIGH_CONFIDENCE_MAX_MASE) return 'high';
  return 'medium';
}

/** The unconstrained best net price under a constant elasticity; Infinity or 0 where the objective only rises or falls. */
function peakNet(elasticity: number, costNet: number | null, current: number): number {
  if (costNet !== null) return elasticity < -1 ? (costNet * elasticity) / (1 + elasticity) : Infinity;
  if (elasticity < -1) return 0;
  return elasticity > -1 ? Infinity : current;
}

export function suggestPrice(input: ProductPricingInput): Suggestion {
  const { tax, rules } = input;
  const currentNet = input.specialPrice ?? input.basePrice;
  const base: Suggestion = {
    productId: input.productId,
    categoryId: input.categoryId,
    status: 'none',
    objective: input.costNet === null ? 'revenue' : 'profit',
    currentPrice: input.basePrice,
    currentGross: round2(grossOf(input.basePrice, tax)),
    suggestedPrice: null,
    suggestedGross: null,
    unitsCurrent: 0,
    unitsSuggested: 0,
    revenueDelta: 0,
    profitDelta: null,
    gain: 0,
    elasticity: { value: 0, se: null, source: 'prior' },
    confidence: 'low',
    backtest: null,
    forecast: [],
    forecastCurrent: [],
    reasons: [],
  };
  const reasons: Reason[] = [];
  if (input.lowestCompetitor) reasons.push({ code: 'competitor', seller: input.lowestCompetitor.seller, price: input.lowestCompetitor.price });
  if (input.buyBox && input.buyBox.seller !== input.lowestCompetitor?.seller) {
    reasons.push({ code: 'buyBox', seller: input.buyBox.seller, price: input.buyBox.price });
  }
  if (input.specialPrice !== null) reasons.push({ code: 'special', price: round2(grossOf(input.specialPrice, tax)) });
  if (!(input.basePrice > 0)) return { ...base, reasons: [...reasons, { code: 'noPrice' }] };
  if (!input.series || input.series.units.every((u) => u === 0)) return { ...base, reasons: [...reasons, { code: 'noSales' }] };

  const { model, choice } = fitWithElasticity(input.series, currentNet, input.category);
  const elasticity = { value: choice.value, se: choice.se, source: choice.source };
  reasons.push({
    code: 'elasticity',
    value: choice.value,
    se: choice.se,
    source: choice.source,
    ...(choice.refusal ? { refusal: choice.refusal } : {}),
    ...(choice.categoryProducts ? { products: choice.categoryProducts } : {}),
  });
  if (!model) return { ...base, elasticity, reasons: [...reasons, { code: 'noSales' }] };
  const backtest = backtestSeries(input.series, currentNet, choice);
  const confidence = confidenceOf(choice.source, choice.se, backtest);
  const atCurrent = forecastUnits(model, FORECAST_WEEKS, currentNet);
  const unitsCurrent = sum(atCurrent);
  const withModel = { ...base, elasticity, confidence, backtest, forecast: atCurrent, forecastCurrent: atCurrent, unitsCurrent, unitsSuggested: unitsCurrent };
  if (input.costNet === null) reasons.push({ code: 'revenueOnly' });

  const range = allowedRange({ currentGross: base.currentGross, costNet: input.costNet, tax, rules, lowestCompetitor: input.lowestCompetitor });
  if (!range.ok) {
    const reason: Reason = range.noRoundedPrice
      ? { code: 'noRoundedPrice', low: range.lo.cents / 100, high: range.hi.cents / 100, ending: rules.rounding }
      : { code: 'conflict', low: range.lo.cents / 100, lowRule: range.lo.rule, high: range.hi.cents / 100, highRule: range.hi.rule };
    return { ...withModel, reasons: [...reasons, reason] };
  }

  const margin = (net: number) => (input.costNet === null ? net : net - input.costNet);
  const objective = (cents: number) => {
    const net = netOf(cents / 100, tax);
    return Math.exp(model.elasticity * Math.log(net / currentNet)) * margin(net);
  };
  const peak = peakNet(model.elasticity, input.costNet, currentNet);
  const peakCents = Number.isFinite(peak) ? grossOf(peak, tax) * 100 : range.hi.cents;
  if (Number.isFinite(peak) && peak > 0) reasons.push({ code: 'peak', price: round2(grossOf(peak, tax)) });
  const chosen = bestRoundedPrice({ lo: range.lo.cents, hi: range.hi.cents }, peakCents, rules.rounding, objective);

  if (range.competitorOverruled) reasons.push({ code: 'competitorOverruled', price: range.competitorOverruled.cents / 100, floor: range.lo.cents / 100 });
  const bound = chosen === range.lo.cents ? range.lo : chosen === range.hi.cents ? range.hi : null;
  if (bound) {
    const price = bound.cents / 100;
    if (bound.rule === 'marginFloor') reasons.push({ code: 'marginFloor', pct: rules.marginFloorPct!, price });
    if (bound.rule === 'maxStep') reasons.push({ code: bound === range.lo ? 'maxStepDown' : 'maxStepUp', pct: rules.maxStepPct!, price });
    if (bound.rule === 'priceFloor' || bound.rule === 'priceCeiling') reasons.push({ code: bound.rule, price });
    if (bound.rule === 'beatCompetitor') reasons.push({ code: 'beatCompetitor', by: rules.beatCompetitorBy!, price });
  }
  if (rules.rounding !== 'none') reasons.push({ code: 'rounding', ending: rules.rounding });

  const suggestedGross = chosen / 100;
  const suggestedNet = netOf(suggestedGross, tax);
  if (Math.abs(suggestedNet - input.basePrice) < 0.00005) return { ...withModel, reasons: [...reasons, { code: 'keep' }] };

  const atSuggested = forecastUnits(model, FORECAST_WEEKS, suggestedNet);
  const unitsSuggested = sum(atSuggested);
  const revenueDelta = unitsSuggested * suggestedNet - unitsCurrent * currentNet;
  const profitDelta = input.costNet === null ? null : unitsSuggested * (suggestedNet - input.costNet) - unitsCurrent * (currentNet - input.costNet);
  // A move that is expected to lose (only rounding, or a special already below the range) is not worth
  // suggesting, unless the current price breaks a hard rule.
  const currentCents = Math.round(base.currentGross * 100);
  const breaksRule =
    (currentCents < range.lo.cents && (range.lo.rule === 'priceFloor' || range.lo.rule === 'marginFloor')) ||
    (currentCents > range.hi.cents && (range.hi.rule === 'priceCeiling' || range.hi.rule === 'beatCompetitor')) ||
    (range.competitorOverruled !== null && currentCents > range.hi.cents);
  if ((profitDelta ?? revenueDelta) <= 0 && !breaksRule) return { ...withModel, reasons: [...reasons, { code: 'keep' }] };
  return {
    ...withModel,
    status: 'open',
    suggestedPrice: suggestedNet,
    suggestedGross,
    unitsSuggested,
    revenueDelta,
    profitDelta,
    gain: profitDelta ?? revenueDelta,
    forecast: atSuggested,
    reasons,
  };
}
