/**
 * OpenCart 3's tax rules, read once and resolved in memory the way its Tax library does: a rule
 * based on `shipping` or `payment` applies when the customer's address lies in the rate's geo zone,
 * one based on `store` when the store's address does; P rates are a percentage of the price,
 * F rates a fixed amount per unit.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { OpenCartTables } from '@/lib/db/opencart';
import type { Db } from '@/lib/db/pool';
import { parseMoney, percentOf, type Cents } from './money';
import { prefixedTable, selectFromUnmirrored } from './unmirrored-tables';

export type TaxRate = { taxRateId: number; name: string; rate: string; type: string };
export type TaxAddress = { countryId: number; zoneId: number };

export type TaxTable = {
  ratesFor(taxClassId: number, customerGroupId: number, address: TaxAddress): TaxRate[];
};

const taxRuleRowSchema = z.object({
  tax_class_id: z.number(),
  tax_rate_id: z.number(),
  name: z.string(),
  rate: z.string(),
  type: z.string(),
  based: z.string(),
  priority: z.number(),
  customer_group_id: z.number(),
  country_id: z.number(),
  zone_id: z.number(),
});
type TaxRuleRow = z.infer<typeof taxRuleRowSchema>;

/** The order in which OpenCart's Tax library loads rates; a later one replaces an earlier one of the same id. */
const BASED_ORDER = ['shipping', 'payment', 'store'] as const;

const TAX_TABLES = ['tax_rule', 'tax_rate', 'tax_rate_to_customer_group', 'zone_to_geo_zone'] as const;

export async function loadTaxTable(db: Db, oc: OpenCartTables, storeAddress: TaxAddress): Promise<TaxTable> {
  const t = (name: string) => prefixedTable(oc, name);
  const rows = await selectFromUnmirrored(db, oc, TAX_TABLES, taxRuleRowSchema, sql`
    SELECT tr1.tax_class_id, tr2.tax_rate_id, tr2.name, tr2.rate, tr2.type, tr1.based, tr1.priority,
           tr2cg.customer_group_id, z2gz.country_id, z2gz.zone_id
    FROM ${t('tax_rule')} tr1
    JOIN ${t('tax_rate')} tr2 ON tr1.tax_rate_id = tr2.tax_rate_id
    JOIN ${t('tax_rate_to_customer_group')} tr2cg ON tr2.tax_rate_id = tr2cg.tax_rate_id
    JOIN ${t('zone_to_geo_zone')} z2gz ON tr2.geo_zone_id = z2gz.geo_zone_id
    ORDER BY tr1.priority ASC, tr1.tax_rule_id ASC`);
  const cache = new Map<string, TaxRate[]>();

  const inZone = (row: TaxRuleRow, address: TaxAddress) =>
    row.country_id === address.countryId && (row.zone_id === 0 || row.zone_id === address.zoneId);

  return {
    ratesFor(taxClassId, customerGroupId, address) {
      const key = `${taxClassId}|${customerGroupId}|${address.countryId}|${address.zoneId}`;
      let rates = cache.get(key);
      if (!rates) {
        const byId = new Map<number, TaxRate>();
        for (const based of BASED_ORDER) {
          const where = based === 'store' ? storeAddress : address;
          for (const row of rows) {
            if (row.tax_class_id !== taxClassId || row.based !== based) continue;
            if (row.customer_group_id !== customerGroupId || !inZone(row, where)) continue;
            byId.set(row.tax_rate_id, { taxRateId: row.tax_rate_id, name: row.name, rate: row.rate, type: row.type });
          }
        }
        rates = [...byId.values()];
        cache.set(key, rates);
      }
      return rates;
    },
  };
}

/** One rate's tax on one unit priced `priceCents`. */
export function taxOnUnit(rate: TaxRate, priceCents: Cents): Cents {
  return rate.type === 'F' ? parseMoney(rate.rate) : percentOf(priceCents, rate.rate);
}
