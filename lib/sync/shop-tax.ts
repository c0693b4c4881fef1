/**
 * The tax a guest of the storefront pays on a product, by OpenCart 3.0.4.1's own rule, so that marketplaces get
 * the consumer price (with KDV/VAT) that the shop shows. For a guest, OpenCart's startup sets the store's address
 * (`config_country_id`, `config_zone_id`) as the store address and, as `config_tax_default` says, as the shipping
 * or the payment address too. A rule of a tax class applies when the address of its `based` kind is set and lies in
 * its rate's geo zone (the country, with zone 0 or the address's zone), and the rate is charged to the guest's
 * customer group (`config_customer_group_id`). Rates are keyed by id, so a rate reached twice counts once. A 'P'
 * rate adds price/100*rate, an 'F' rate adds the rate; the sum is rounded only at display, to cents.
 */
import { asc, eq } from 'drizzle-orm';
import { formatMoneyUnits, MONEY_SCALE, parseMoney, type MoneyUnits } from '@/lib/shop/money';
import type { TenantDb } from '@/lib/tenants/tenant-db';
import { MARKETPLACE_PRICE_DECIMALS } from './marketplace-price';

/** The store address a guest is taxed by, and the settings that decide which rules apply. */
export type GuestTaxSettings = {
  /** `config_country_id` */
  countryId: number;
  /** `config_zone_id` */
  zoneId: number;
  /** `config_tax_default`: 'shipping' or 'payment' makes the store address that address too; anything else, neither. */
  taxDefault: string;
  /** `config_customer_group_id` */
  customerGroupId: number;
};

/** One row of OpenCart's tax query, before the guest's address and customer group are applied. */
export type TaxRuleRow = {
  taxClassId: number;
  taxRateId: number;
  rate: string;
  type: string;
  based: string;
  customerGroupId: number;
  countryId: number;
  zoneId: number;
};

export type ShopTaxRate = { taxRateId: number; rate: string; type: string };

/** The rates a guest pays, per tax class; a class that is absent (and class 0) is untaxed. */
export type ShopTaxRates = ReadonlyMap<number, readonly ShopTaxRate[]>;

/** The `based` kinds whose address OpenCart sets for a guest. */
export function guestAddressKinds(taxDefault: string): ReadonlySet<string> {
  const kinds = new Set(['store']);
  if (taxDefault === 'shipping' || taxDefault === 'payment') kinds.add(taxDefault);
  return kinds;
}

/** The rates that apply to a guest, per tax class, each rate once. */
export function guestTaxRates(rows: readonly TaxRuleRow[], guest: GuestTaxSettings): ShopTaxRates {
  const kinds = guestAddressKinds(guest.taxDefault);
  const byClass = new Map<number, Map<number, ShopTaxRate>>();
  for (const row of rows) {
    if (row.taxClassId === 0 || !kinds.has(row.based)) continue;
    if (row.customerGroupId !== guest.customerGroupId) continue;
    // Every set address is the store's, so one check serves all kinds.
    if (row.countryId !== guest.countryId || (row.zoneId !== 0 && row.zoneId !== guest.zoneId)) continue;
    let rates = byClass.get(row.taxClassId);
    if (!rates) byClass.set(row.taxClassId, (rates = new Map()));
    rates.set(row.taxRateId, { taxRateId: row.taxRateId, rate: row.rate, type: row.type });
  }
  return new Map([...byClass].map(([taxClassId, rates]) => [taxClassId, [...rates.values()]]));
}

/**
 * Every tax rule of every class joined as OpenCart joins them (rule, rate, the rate's customer groups, the rate's
 * geo zone's zones), in one query; `guestTaxRates` picks the guest's. OpenCart also LEFT JOINs `geo_zone`,
 * which selects nothing and filters nothing, so it is left out.
 */
export async function readTaxRuleRows(shop: TenantDb): Promise<TaxRuleRow[]> {
  const { taxRule, taxRate, taxRateToCustomerGroup, zoneToGeoZone } = shop.oc;
  return shop.db
    .select({
      taxClassId: taxRule.taxClassId,
      taxRateId: taxRate.taxRateId,
      rate: taxRate.rate,
      type: taxRate.type,
      based: taxRule.based,
      customerGroupId: taxRateToCustomerGroup.customerGroupId,
      countryId: zoneToGeoZone.countryId,
      zoneId: zoneToGeoZone.zoneId,
    })
    .from(taxRule)
    .innerJoin(taxRate, eq(taxRule.taxRateId, taxRate.taxRateId))
    .innerJoin(taxRateToCustomerGroup, eq(taxRate.taxRateId, taxRateToCustomerGroup.taxRateId))
    .innerJoin(zoneToGeoZone, eq(taxRate.geoZoneId, zoneToGeoZone.geoZoneId))
    .orderBy(asc(taxRule.priority), asc(taxRule.taxRuleId));
}

/** Units of 1/10^10: a price (4 decimals) times a percentage (4 decimals) over 100 is exact at this scale. */
const EXACT_SCALE = 2 * MONEY_SCALE + 2;
const TO_EXACT = 10n ** BigInt(EXACT_SCALE - MONEY_SCALE);

/** An exact amount rounded half away from zero to the marketplace's decimals, as money units. */
function roundExact(exact: bigint): MoneyUnits {
  const divisor = 10n ** BigInt(EXACT_SCALE - MARKETPLACE_PRICE_DECIMALS);
  const magnitude = exact < 0n ? -exact : exact;
  const quotient = magnitude / divisor;
  const rounded = (magnitude % divisor) * 2n >= divisor ? quotient + 1n : quotient;
  return (exact < 0n ? -rounded : rounded) * 10n ** BigInt(MONEY_SCALE - MARKETPLACE_PRICE_DECIMALS);
}

/**
 * The price with the guest's tax, rounded to the marketplace's two decimals and written with four, as
 * `toMarketplacePrice` writes a net one: `("100.0000", 9)` with 20 % and 2.00 fixed → `"122.0000"`.
 * A product of class 0, or of a class with no rate for the guest, keeps its price.
 */
export function marketplacePriceWithTax(price: string, taxClassId: number, rates: ShopTaxRates): string {
  const net = parseMoney(price);
  let exact = net * TO_EXACT;
  for (const rate of taxClassId === 0 ? [] : (rates.get(taxClassId) ?? [])) {
    const units = parseMoney(rate.rate);
    if (rate.type === 'P') exact += net * units;
    else if (rate.type === 'F') exact += units * TO_EXACT;
  }
  return formatMoneyUnits(roundExact(exact));
}
