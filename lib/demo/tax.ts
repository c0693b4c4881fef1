/**
 * OpenCart 3's tax rules, read once and resolved in memory the way its Tax library does: a rule
 * based on `shipping` or `payment` applies when the customer's address lies in the rate's geo zone,
 * one based on `store` when the store's address does; P rates are a percentage of the price,
 * F rates a fixed amount per unit.
 */
import { asc, eq } from 'drizzle-orm';
import type { OpenCartTables } from '@/lib/db/opencart';
import type { Db } from '@/lib/db/pool';
import { parseMoney, percentOfMoney, roundMoney, type MoneyUnits } from '@/lib/shop/money';

export type TaxRate = { taxRateId: number; name: string; rate: string; type: string };
export type TaxAddress = { countryId: number; zoneId: number };

export type TaxTable = {
  ratesFor(taxClassId: number, customerGroupId: number, address: TaxAddress): TaxRate[];
};

/** The order in which OpenCart's Tax library loads rates; a later one replaces an earlier one of the same id. */
const BASED_ORDER = ['shipping', 'payment', 'store'] as const;

/**
 * The demo rounds each unit's tax to the cent, as the shop shows it, so its tax rows are whole cents;
 * OpenCart itself stores the unrounded tax to four decimals.
 */
const TAX_DECIMALS = 2;

function readTaxRules(db: Db, oc: OpenCartTables) {
  const { taxRule, taxRate, taxRateToCustomerGroup, zoneToGeoZone } = oc;
  return db
    .select({
      taxClassId: taxRule.taxClassId,
      taxRateId: taxRate.taxRateId,
      name: taxRate.name,
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

type TaxRuleRow = Awaited<ReturnType<typeof readTaxRules>>[number];

export async function loadTaxTable(db: Db, oc: OpenCartTables, storeAddress: TaxAddress): Promise<TaxTable> {
  const rows = await readTaxRules(db, oc);
  const cache = new Map<string, TaxRate[]>();

  const inZone = (row: TaxRuleRow, address: TaxAddress) =>
    row.countryId === address.countryId && (row.zoneId === 0 || row.zoneId === address.zoneId);

  return {
    ratesFor(taxClassId, customerGroupId, address) {
      const key = `${taxClassId}|${customerGroupId}|${address.countryId}|${address.zoneId}`;
      let rates = cache.get(key);
      if (!rates) {
        const byId = new Map<number, TaxRate>();
        for (const based of BASED_ORDER) {
          const where = based === 'store' ? storeAddress : address;
          for (const row of rows) {
            if (row.taxClassId !== taxClassId || row.based !== based) continue;
            if (row.customerGroupId !== customerGroupId || !inZone(row, where)) continue;
            byId.set(row.taxRateId, { taxRateId: row.taxRateId, name: row.name, rate: row.rate, type: row.type });
          }
        }
        rates = [...byId.values()];
        cache.set(key, rates);
      }
      return rates;
    },
  };
}

/** One rate's tax on one unit priced `price`. */
export function taxOnUnit(rate: TaxRate, price: MoneyUnits): MoneyUnits {
  return rate.type === 'F'
    ? roundMoney(parseMoney(rate.rate), TAX_DECIMALS)
    : percentOfMoney(price, rate.rate, TAX_DECIMALS);
}
