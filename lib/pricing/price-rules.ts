/**
 * The pricing rules as bounds on the shelf price (with the guest's tax, in whole cents, as buyers and
 * marketplaces see it), and the best rounded price inside them. Hard limits are the price floor, the
 * cost-plus margin floor, the ceiling and the maximum step; "beat the lowest competitor" is a ceiling
 * that yields to the hard floors: below them it holds the price at the floor (as near the competitor as
 * we may go), never under the margin to beat someone.
 */
import type { PriceRounding } from '@/lib/db/schema';

export type PricingRules = {
  marginFloorPct: number | null;
  maxStepPct: number | null;
  priceFloor: number | null;
  priceCeiling: number | null;
  rounding: PriceRounding;
  beatCompetitorBy: number | null;
  beatCompetitorFloor: number | null;
};

/** A shop without rules: the model is only trusted near the prices it has seen, so a step is limited anyway. */
export const DEFAULT_RULES: PricingRules = {
  marginFloorPct: null,
  maxStepPct: 10,
  priceFloor: null,
  priceCeiling: null,
  rounding: 'none',
  beatCompetitorBy: null,
  beatCompetitorFloor: null,
};

/** The guest's tax on a net price: gross = net × (1 + pct / 100) + fixed. */
export type TaxShape = { pct: number; fixed: number };

export function grossOf(net: number, tax: TaxShape): number {
  return net * (1 + tax.pct / 100) + tax.fixed;
}

/** The net price (four decimals, as oc_product.price holds it) whose shelf price is `gross`. */
export function netOf(gross: number, tax: TaxShape): number {
  return Math.round(((gross - tax.fixed) / (1 + tax.pct / 100)) * 10_000) / 10_000;
}

export type BoundRule = 'none' | 'priceFloor' | 'marginFloor' | 'maxStep' | 'priceCeiling' | 'beatCompetitor';
export type Bound = { cents: number; rule: BoundRule };

export type RuleInput = {
  /** The base price with tax now (oc_product.price), what the step is measured from. */
  currentGross: number;
  costNet: number | null;
  tax: TaxShape;
  rules: PricingRules;
  lowestCompetitor: { seller: string; price: number } | null;
};

export type AllowedRange =
  | {
      ok: true;
      lo: Bound;
      hi: Bound;
      /** The competitor ceiling, when it was set aside because a hard floor is above it. */
      competitorOverruled: Bound | null;
    }
  | { ok: false; lo: Bound; hi: Bound; noRoundedPrice: boolean };

const EPSILON_CENTS = 1e-6;
const ceilCents = (amount: number) => Math.ceil(amount * 100 - EPSILON_CENTS);
const floorCents = (amount: number) => Math.floor(amount * 100 + EPSILON_CENTS);
/** Without a ceiling rule nothing stops a price but the step; a sane upper end keeps the arithmetic finite. */
const UNBOUNDED_FACTOR = 1000;

function highest(bounds: Bound[]): Bound {
  return bounds.reduce((a, b) => (b.cents > a.cents ? b : a));
}
function lowest(bounds: Bound[]): Bound {
  return bounds.reduce((a, b) => (b.cents < a.cents ? b : a));
}

function ending(rounding: PriceRounding): number | null {
  return rounding === '0.99' ? 99 : rounding === '0.90' ? 90 : null;
}

/** The smallest rounded price at or above `cents`. */
export function roundUp(cents: number, rounding: PriceRounding): number {
  const end = ending(rounding);
  if (end === null) return cents;
  const candidate = Math.floor(cents / 100) * 100 + end;
  return candidate >= cents ? candidate : candidate + 100;
}

/** The largest rounded price at or below `cents`. */
export function roundDown(cents: number, rounding: PriceRounding): number {
  const end = ending(rounding);
  if (end === null) return cents;
  const candidate = Math.floor(cents / 100) * 100 + end;
  return candidate <= cents ? candidate : candidate - 100;
}

export function isRounded(cents: number, rounding: PriceRounding): boolean {
  const end = ending(rounding);
  return end === null || ((cents % 100) + 100) % 100 === end;
}

export function allowedRange(input: RuleInput): AllowedRange {
  const { rules, tax } = input;
  const currentCents = Math.round(input.currentGross * 100);
  const floors: Bound[] = [{ cents: 1, rule: 'none' }];
  const ceilings: Bound[] = [{ cents: Math.max(currentCents, 1) * UNBOUNDED_FACTOR, rule: 'none' }];
  if (rules.priceFloor !== null) floors.push({ cents: ceilCents(rules.priceFloor), rule: 'priceFloor' });
  if (rules.marginFloorPct !== null && input.costNet !== null) {
    const floorNet = input.costNet * (1 + rules.marginFloorPct / 100);
    let cents = ceilCents(grossOf(floorNet, tax));
    // The net price of a shelf price is rounded to four decimals, which may land a hair under the floor.
    while (netOf(cents / 100, tax) < floorNet - 1e-9) cents++;
    floors.push({ cents, rule: 'marginFloor' });
  }
  if (rules.priceCeiling !== null) ceilings.push({ cents: floorCents(rules.priceCeiling), rule: 'priceCeiling' });
  if (rules.maxStepPct !== null) {
    floors.push({ cents: ceilCents((currentCents * (1 - rules.maxStepPct / 100)) / 100), rule: 'maxStep' });
    ceilings.push({ cents: floorCents((currentCents * (1 + rules.maxStepPct / 100)) / 100), rule: 'maxStep' });
  }
  let lo = highest(floors);
  let hi = lowest(ceilings);
  let competitorOverruled: Bound | null = null;
  if (rules.beatCompetitorBy !== null && input.lowestCompetitor) {
    const target = input.lowestCompetitor.price - rules.beatCompetitorBy;
    const beat: Bound = { cents: floorCents(Math.max(target, rules.beatCompetitorFloor ?? 0)), rule: 'beatCompetitor' };
    // Under the floor: as close to the competitor as the floor allows, which is the floor itself.
    if (beat.cents < lo.cents) {
      competitorOverruled = beat;
      if (lo.cents < hi.cents) hi = { cents: lo.cents, rule: lo.rule };
    } else if (beat.cents < hi.cents) hi = beat;
  }
  if (lo.cents > hi.cents) return { ok: false, lo, hi, noRoundedPrice: false };
  const roundedLo = roundUp(lo.cents, rules.rounding);
  const roundedHi = roundDown(hi.cents, rules.rounding);
  if (roundedLo > roundedHi) return { ok: false, lo, hi, noRoundedPrice: true };
  lo = { ...lo, cents: roundedLo };
  hi = { ...hi, cents: roundedHi };
  return { ok: true, lo, hi, competitorOverruled };
}

/**
 * The rounded price in [lo, hi] with the highest objective. The objective (profit or revenue under a
 * constant elasticity) is single-peaked in the price, so the best rounded price is one of the two
 * around the unconstrained peak, clamped into the range.
 */
export function bestRoundedPrice(
  range: { lo: number; hi: number },
  peakCents: number,
  rounding: PriceRounding,
  objective: (cents: number) => number,
): number {
  const clamp = (c: number) => Math.min(range.hi, Math.max(range.lo, c));
  const peak = clamp(Math.round(peakCents));
  const candidates = new Set([clamp(roundDown(peak, rounding)), clamp(roundUp(peak, rounding)), range.lo, range.hi]);
  let best = range.lo;
  let bestValue = -Infinity;
  for (const c of [...candidates].sort((a, b) => a - b)) {
    if (!isRounded(c, rounding)) continue;
    const value = objective(c);
    if (value > bestValue) {
      best = c;
      bestValue = value;
    }
  }
  return best;
}
