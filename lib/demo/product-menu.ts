/**
 * What a customer group sees on one day: each product's unit price (an active special, else the
 * planned list price) and how strongly it sells at that price. Prices change at midnight, so one
 * menu serves a whole day.
 */
import type { MoneyUnits } from '@/lib/shop/money';
import { formatDate } from './calendar';
import { demandAtPrice, listPriceAt, type PricePlan } from './price-plan';
import { createWeightedPicker, type Rng } from './prng';
import type { CatalogueProduct, SpecialPrice } from './store-context';

/** OpenCart's "no limit" date in product_special. */
const NO_DATE = '0000-00-00';

export type ProductOffer = {
  product: CatalogueProduct;
  unitPrice: MoneyUnits;
  /** How much more (above 1) the product sells at this price than at its reference price. */
  priceEffect: number;
  /** Popularity times price effect: the product's weight when a customer picks one. */
  demand: number;
};
export type DailyMenu = { offers: readonly ProductOffer[]; pickIndex: (rng: Rng) => number };

/**
 * OpenCart's special price rule: the group's specials that have started and not ended, the lowest
 * priority first, then the lowest price (`specials` arrive in that order).
 */
function activeSpecial(specials: readonly SpecialPrice[], customerGroupId: number, day: string): SpecialPrice | undefined {
  return specials.find(
    (s) =>
      s.customerGroupId === customerGroupId &&
      (s.dateStart === NO_DATE || s.dateStart <= day) &&
      (s.dateEnd === NO_DATE || s.dateEnd > day),
  );
}

export function createMenuBook(products: readonly CatalogueProduct[], plans: ReadonlyMap<number, PricePlan>) {
  let cachedDay = Number.NaN;
  const menus = new Map<number, DailyMenu>();

  return {
    menuFor(dayStartMs: number, customerGroupId: number): DailyMenu {
      if (dayStartMs !== cachedDay) {
        menus.clear();
        cachedDay = dayStartMs;
      }
      let menu = menus.get(customerGroupId);
      if (!menu) {
        const day = formatDate(dayStartMs);
        const offers = products.map((product) => {
          const plan = plans.get(product.productId)!;
          const unitPrice = activeSpecial(product.specials, customerGroupId, day)?.price ?? listPriceAt(plan, dayStartMs);
          const priceEffect = demandAtPrice(plan, unitPrice);
          return { product, unitPrice, priceEffect, demand: plan.popularity * priceEffect };
        });
        menu = { offers, pickIndex: createWeightedPicker(offers.map((o) => o.demand)) };
        menus.set(customerGroupId, menu);
      }
      return menu;
    },
  };
}
