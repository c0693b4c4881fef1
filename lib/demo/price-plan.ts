/**
 * Each product's list price over the period: a few dated changes, ending at the catalogue's own price,
 * so `oc_product.price` is already "the latest price" and a rerun sees the same anchor. Demand
 * answers price with a constant elasticity: at 10% below the reference price a product with
 * elasticity 2 sells about 23% more.
 */
import { MONEY_SCALE, type MoneyUnits } from '@/lib/shop/money';
import { DAY_MS } from './calendar';
import { rngFor, type Rng } from './prng';

export const PRICE_CHANGES_MIN = 2;
export const PRICE_CHANGES_MAX = 4;
/** Earlier prices lie within this band around the catalogue price. */
const PRICE_MULTIPLIER_MIN = 0.78;
const PRICE_MULTIPLIER_MAX = 1.25;
/** Consecutive prices differ by at least this share, so every change is visible in the history. */
const MIN_PRICE_STEP = 0.05;
const ELASTICITY_MIN = 1.2;
const ELASTICITY_MAX = 2.6;
/** Lognormal sigma of how popular products are relative to one another. */
const POPULARITY_SIGMA = 0.7;
/** Earlier prices are drawn in whole cents, then rounded to a shelf price. */
const UNITS_PER_CENT = 10n ** BigInt(MONEY_SCALE - 2);
/** Prices from this many cents up end in .99 (a whole unit less a cent); cheaper ones round to 10 cents. */
const WHOLE_UNIT_PRICES_FROM_CENTS = 1000;

export type PriceSegment = { fromMs: number; price: MoneyUnits };

export type PricePlan = {
  productId: number;
  reference: MoneyUnits;
  /** Ascending by `fromMs`; the first starts at the period start, the last holds the catalogue price. */
  segments: PriceSegment[];
  elasticity: number;
  popularity: number;
};

function shelfPrice(cents: number): MoneyUnits {
  const rounded = cents >= WHOLE_UNIT_PRICES_FROM_CENTS
    ? Math.round(cents / 100) * 100 - 1
    : Math.max(10, Math.round(cents / 10) * 10);
  return BigInt(rounded) * UNITS_PER_CENT;
}

function drawEarlierPrice(rng: Rng, reference: MoneyUnits, next: MoneyUnits): MoneyUnits {
  let multiplier = PRICE_MULTIPLIER_MIN + rng.next() * (PRICE_MULTIPLIER_MAX - PRICE_MULTIPLIER_MIN);
  const nextMultiplier = Number(next) / Number(reference);
  if (Math.abs(multiplier - nextMultiplier) < MIN_PRICE_STEP) {
    multiplier = nextMultiplier + (multiplier >= nextMultiplier ? 1 : -1) * 2 * MIN_PRICE_STEP;
  }
  const price = shelfPrice(Math.round((Number(reference) / Number(UNITS_PER_CENT)) * multiplier));
  return price === next ? price + 100n * UNITS_PER_CENT : price;
}

export function planProductPrices(
  seed: number,
  product: { productId: number; price: MoneyUnits },
  period: { startMs: number; days: number },
): PricePlan {
  const rng = rngFor(seed, 'price-plan', product.productId);
  const possibleChanges = Math.max(0, period.days - 1);
  const changes = Math.min(possibleChanges, rng.int(PRICE_CHANGES_MIN, PRICE_CHANGES_MAX));
  const changeDays = new Set<number>();
  while (changeDays.size < changes) changeDays.add(rng.int(1, period.days - 1));
  const days = [...changeDays].sort((a, b) => a - b);

  // Walk back from the catalogue price: the latest segment is the price the shop shows today.
  const prices: MoneyUnits[] = [product.price];
  for (let i = 0; i < days.length; i += 1) prices.unshift(drawEarlierPrice(rng, product.price, prices[0]!));
  const segments = prices.map((price, i) => ({
    fromMs: i === 0 ? period.startMs : period.startMs + days[i - 1]! * DAY_MS,
    price,
  }));
  return {
    productId: product.productId,
    reference: product.price,
    segments,
    elasticity: ELASTICITY_MIN + rng.next() * (ELASTICITY_MAX - ELASTICITY_MIN),
    popularity: Math.exp(POPULARITY_SIGMA * rng.normal()),
  };
}

export function listPriceAt(plan: PricePlan, atMs: number): MoneyUnits {
  for (let i = plan.segments.length - 1; i > 0; i -= 1) {
    const segment = plan.segments[i]!;
    if (segment.fromMs <= atMs) return segment.price;
  }
  return plan.segments[0]!.price;
}

/**
 * How much more (above 1) or less a product sells at `price` than at its reference price. A model of
 * demand, not an amount of money, so it may work in floats; a free special counts as one cent.
 */
export function demandAtPrice(plan: PricePlan, price: MoneyUnits): number {
  return (Math.max(Number(price), Number(UNITS_PER_CENT)) / Number(plan.reference)) ** -plan.elasticity;
}

/** The number of list-price changes the plan makes over the period. */
export function countPriceChanges(plan: PricePlan): number {
  return plan.segments.length - 1;
}
