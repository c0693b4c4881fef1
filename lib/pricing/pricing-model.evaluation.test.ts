import { describe, expect, it } from 'vitest';
import { createRng } from '@/lib/demo/prng';
import { PRICE_ROUNDINGS } from '@/lib/db/schema';
import { backtestSeries, HOLDOUT_WEEKS } from './backtest';
import { fitDemandModel, forecastUnits } from './demand-model';
import { fitWithElasticity, PRIOR_ELASTICITY } from './elasticity';
import { grossOf, isRounded, netOf, type PricingRules } from './price-rules';
import { suggestPrice, type ProductPricingInput } from './suggest-price';
import { syntheticSeries } from './synthetic-history';

/** Stated tolerance: two years of weekly sales (about 60 a week) and a dozen price moves of up to ±25%. */
const ELASTICITY_TOLERANCE = 0.3;
const MEAN_BIAS_TOLERANCE = 0.1;
const SEEDS = Array.from({ length: 10 }, (_, i) => i + 1);

const history = (seed: number, elasticity: number) =>
  syntheticSeries({ seed, weeks: 104, elasticity, level: 60, referencePrice: 100, seasonAmplitude: 0.3, priceChanges: 12, maxPriceMove: 0.25 });

describe('known-elasticity recovery', () => {
  for (const elasticity of [-0.8, -1.5, -2.5]) {
    it(`recovers an elasticity of ${elasticity} within ±${ELASTICITY_TOLERANCE} on every seed, unbiased on average`, () => {
      const estimates = SEEDS.map((seed) => {
        const { model, choice } = fitWithElasticity(history(seed, elasticity), 100, undefined);
        expect(choice.source).toBe('own');
        expect(model).not.toBeNull();
        expect(Math.abs(choice.value - elasticity)).toBeLessThanOrEqual(ELASTICITY_TOLERANCE);
        // The reported uncertainty is honest: the truth lies within three standard errors.
        expect(Math.abs(choice.value - elasticity)).toBeLessThanOrEqual(3 * choice.se!);
        return choice.value;
      });
      const mean = estimates.reduce((s, v) => s + v, 0) / estimates.length;
      expect(Math.abs(mean - elasticity)).toBeLessThanOrEqual(MEAN_BIAS_TOLERANCE);
    });
  }

  it('recovers the yearly season: the forecast for the November peak is above the one for August', () => {
    const model = fitDemandModel(history(3, -1.5), 100)!;
    const weeks = forecastUnits(model, 52, 100);
    const byMonth = (month: number) => weeks.filter((w) => new Date(w.weekMs).getUTCMonth() === month).map((w) => w.units);
    expect(Math.min(...byMonth(10))).toBeGreaterThan(Math.max(...byMonth(7)));
  });

  it('falls back to the category, shrunk toward the prior and flagged low confidence, when the price never moved', () => {
    const flat = syntheticSeries({ seed: 5, weeks: 104, elasticity: -2, level: 60, referencePrice: 100, seasonAmplitude: 0.3, priceChanges: 0, maxPriceMove: 0 });
    const { choice } = fitWithElasticity(flat, 100, { mean: -2.5, products: 15 });
    expect(choice).toMatchObject({ source: 'category', refusal: 'flatPrice', categoryProducts: 15 });
    expect(choice.value).toBeCloseTo((15 * -2.5 + 5 * PRIOR_ELASTICITY) / 20, 10);
    const suggestion = suggestPrice(productInput({ series: flat, category: { mean: -2.5, products: 15 } }));
    expect(suggestion.confidence).toBe('low');
    expect(suggestion.elasticity.source).toBe('category');
  });
});

describe('backtest', () => {
  it('reports MASE against seasonal-naive and MAPE, as recomputed from the held-out weeks', () => {
    const series = history(7, -1.5);
    const result = backtestSeries(series, 100, { value: -1.5, se: 0.1, source: 'own' });
    const train = series.units.length - HOLDOUT_WEEKS;
    const model = fitDemandModel({ ...series, units: series.units.slice(0, train), prices: series.prices.slice(0, train) }, 100)!;
    const forecast = forecastUnits(model, HOLDOUT_WEEKS, series.prices.slice(train));
    const errors = series.units.slice(train).map((u, h) => Math.abs(u - forecast[h]!.units));
    const mae = errors.reduce((s, e) => s + e, 0) / HOLDOUT_WEEKS;
    let naive = 0;
    for (let t = 52; t < train; t++) naive += Math.abs(series.units[t]! - series.units[t - 52]!);
    naive /= train - 52;
    expect(result.mae).toBeCloseTo(mae, 10);
    expect(result.mase).toBeCloseTo(mae / naive, 10);
    const mape = (100 * errors.reduce((s, e, h) => s + e / series.units[train + h]!, 0)) / HOLDOUT_WEEKS;
    expect(result.mape).toBeCloseTo(mape, 10);
    // On data with a real yearly shape and price moves the model beats last year's same week.
    expect(result.mase!).toBeLessThan(1);
  });

  it('gives no MAPE where a held-out week sold under five units, and says why', () => {
    const thin = syntheticSeries({ seed: 2, weeks: 104, elasticity: -1.5, level: 1.5, referencePrice: 100, seasonAmplitude: 0.3, priceChanges: 6, maxPriceMove: 0.2 });
    const result = backtestSeries(thin, 100, { value: -1.5, se: null, source: 'prior' });
    expect(result.mape).toBeNull();
    expect(result.mapeSkipped).toBe('lowVolume');
    expect(result.mase).not.toBeNull();
  });

  it('gives neither number with under a year of training weeks', () => {
    const short = history(1, -1.5);
    const result = backtestSeries({ ...short, units: short.units.slice(0, 50), prices: short.prices.slice(0, 50) }, 100, { value: -1.5, se: null, source: 'prior' });
    expect(result).toMatchObject({ mase: null, mape: null, maseSkipped: 'shortForSeasonalNaive' });
  });
});

function productInput(overrides: Partial<ProductPricingInput>): ProductPricingInput {
  return {
    productId: 1,
    categoryId: 0,
    basePrice: 100,
    specialPrice: null,
    tax: { pct: 20, fixed: 0 },
    costNet: 50,
    rules: { marginFloorPct: null, maxStepPct: 10, priceFloor: null, priceCeiling: null, rounding: 'none', beatCompetitorBy: null, beatCompetitorFloor: null },
    lowestCompetitor: null,
    buyBox: null,
    series: history(1, -2),
    category: undefined,
    ...overrides,
  };
}

describe('suggestions', () => {
  it('moves toward the profit peak (cost × e / (1 + e)) as far as the step allows', () => {
    // Elasticity −2 and cost 50: the peak is about 100 net; from 200 a 10% step stops at 180 net (216.00 with tax).
    const s = suggestPrice(productInput({ basePrice: 200, series: syntheticSeries({ seed: 4, weeks: 104, elasticity: -2, level: 60, referencePrice: 200, seasonAmplitude: 0.3, priceChanges: 12, maxPriceMove: 0.25 }) }));
    expect(s.status).toBe('open');
    expect(s.suggestedGross).toBeCloseTo(216, 2);
    expect(s.reasons.map((r) => r.code)).toContain('maxStepDown');
    expect(s.profitDelta!).toBeGreaterThan(0);
  });

  it('maximises revenue where the cost is unknown, and says so', () => {
    const s = suggestPrice(productInput({ costNet: null }));
    expect(s.objective).toBe('revenue');
    expect(s.profitDelta).toBeNull();
    expect(s.reasons.map((r) => r.code)).toContain('revenueOnly');
  });

  it('stays at the margin floor when the competitor is below it, and says both', () => {
    const s = suggestPrice(
      productInput({
        costNet: 100,
        basePrice: 140,
        rules: { marginFloorPct: 20, maxStepPct: 50, priceFloor: null, priceCeiling: null, rounding: 'none', beatCompetitorBy: 1, beatCompetitorFloor: null },
        lowestCompetitor: { seller: 'Rakip', price: 120, observedAt: '2025-11-01 10:00:00' },
      }),
    );
    expect(s.suggestedGross).toBeCloseTo(144, 2);
    expect(s.reasons).toEqual(expect.arrayContaining([
      { code: 'competitor', seller: 'Rakip', price: 120 },
      expect.objectContaining({ code: 'competitorOverruled' }),
      { code: 'marginFloor', pct: 20, price: 144 },
    ]));
  });

  it('does not suggest a move that is expected to lose when the current price breaks no rule', () => {
    // A special at 70 is below the step's range around the base price 100: every allowed price sells less and earns less.
    const s = suggestPrice(productInput({ specialPrice: 70, costNet: 20, tax: { pct: 0, fixed: 0 } }));
    expect(s.status).toBe('none');
    expect(s.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['special', 'keep']));
    // Below the margin floor (95 × 1.1 = 104.50) it must move even so: to the profit side of the range, 110.
    const floor = suggestPrice(productInput({ specialPrice: 70, costNet: 95, tax: { pct: 0, fixed: 0 }, rules: { ...productInput({}).rules, marginFloorPct: 10 } }));
    expect(floor.status).toBe('open');
    expect(floor.suggestedGross).toBeCloseTo(110, 2);
  });

  it('respects every rule over random rules, prices, costs, taxes and competitors (property test)', () => {
    const rng = createRng(20251128);
    const series = [history(1, -0.7), history(2, -1.6), history(3, -3)];
    let open = 0;
    for (let i = 0; i < 400; i++) {
      const basePrice = Math.round((5 + rng.next() * 2000) * 10_000) / 10_000;
      const tax = { pct: rng.pick([0, 1, 8, 10, 18, 20]), fixed: rng.chance(0.2) ? Math.round(rng.next() * 500) / 100 : 0 };
      const currentGross = grossOf(basePrice, tax);
      const maybe = (value: number) => (rng.chance(0.5) ? Math.round(value * 100) / 100 : null);
      const rules: PricingRules = {
        marginFloorPct: maybe(rng.next() * 60),
        maxStepPct: maybe(1 + rng.next() * 30),
        priceFloor: maybe(currentGross * (0.5 + rng.next() * 0.6)),
        priceCeiling: maybe(currentGross * (0.9 + rng.next() * 0.8)),
        rounding: rng.pick(PRICE_ROUNDINGS),
        beatCompetitorBy: maybe(rng.next() * 20),
        beatCompetitorFloor: maybe(currentGross * (0.5 + rng.next() * 0.5)),
      };
      const costNet = rng.chance(0.8) ? Math.round(basePrice * (0.3 + rng.next() * 0.8) * 100) / 100 : null;
      const lowestCompetitor = rng.chance(0.6) ? { seller: 'X', price: Math.round(currentGross * (0.7 + rng.next() * 0.6) * 100) / 100, observedAt: '' } : null;
      const s = suggestPrice(productInput({ basePrice, tax, rules, costNet, lowestCompetitor, series: rng.pick(series) }));
      if (s.status !== 'open') continue;
      open++;
      const cents = Math.round(s.suggestedGross! * 100);
      expect(Math.abs(s.suggestedGross! * 100 - cents)).toBeLessThan(1e-6);
      expect(isRounded(cents, rules.rounding)).toBe(true);
      expect(s.suggestedPrice).toBe(netOf(s.suggestedGross!, tax));
      if (rules.priceFloor !== null) expect(s.suggestedGross!).toBeGreaterThanOrEqual(rules.priceFloor - 1e-9);
      if (rules.priceCeiling !== null) expect(s.suggestedGross!).toBeLessThanOrEqual(rules.priceCeiling + 1e-9);
      if (rules.marginFloorPct !== null && costNet !== null) {
        expect(s.suggestedPrice!).toBeGreaterThanOrEqual(costNet * (1 + rules.marginFloorPct / 100) - 1e-9);
      }
      if (rules.maxStepPct !== null) {
        expect(Math.abs(s.suggestedGross! - Math.round(currentGross * 100) / 100)).toBeLessThanOrEqual((Math.round(currentGross * 100) / 100) * (rules.maxStepPct / 100) + 1e-9);
      }
      if (rules.beatCompetitorBy !== null && lowestCompetitor && !s.reasons.some((r) => r.code === 'competitorOverruled')) {
        expect(s.suggestedGross!).toBeLessThanOrEqual(Math.max(lowestCompetitor.price - rules.beatCompetitorBy, rules.beatCompetitorFloor ?? 0) + 1e-9);
      }
    }
    // The rules are random but not mostly contradictory: most draws give a price.
    expect(open).toBeGreaterThan(150);
  });
});
