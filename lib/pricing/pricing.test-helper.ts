/** Shared set-up for pricing's tests: weekly sales written as real OpenCart orders. */
import { eq } from 'drizzle-orm';
import type { Db } from '@/lib/db/pool';
import { tenants } from '@/lib/db/schema';
import { seedOrder } from '@/lib/overview/seed-orders.test-helper';
import { tenantDb, type TenantDb } from '@/lib/tenants/tenant-db';
import { openCart4Tables, type OpenCartVersion } from '@/lib/db/opencart';
import { openCartVersionOf } from '@/lib/opencart-version/shop-version';
import type { TestDatabase } from '@/lib/testing/harness';
import { WEEK_MS } from './demand-model';

/** OpenCart's "Complete": in config_complete_status, so it counts as a sale. */
export const COMPLETE_STATUS_ID = 5;
/** Canceled: never counted. */
export const CANCELED_STATUS_ID = 7;

export async function openDefaultShop(t: TestDatabase): Promise<{ tenantId: number; shop: TenantDb }> {
  const [tenant] = await t.db.select().from(tenants).where(eq(tenants.slug, 'default'));
  if (!tenant) throw new Error('The test database has no default tenant');
  return { tenantId: tenant.id, shop: tenantDb({ id: tenant.id, slug: tenant.slug, name: tenant.name, prefix: 'oc_', storeId: 0 }, t.url) };
}

export type WeekLine = { productId: number; units: number; price: number };

/**
 * One order per week (Wednesday noon of the week starting at `firstWeekMs + t weeks`) holding each
 * product's line for that week; a week without lines gets no order. Rows take the shop's own line
 * (detected from its tables) unless the caller names it.
 */
export async function writeWeeklyOrders(shop: TenantDb, firstWeekMs: number, weeks: WeekLine[][], statusId = COMPLETE_STATUS_ID, version?: OpenCartVersion) {
  const shopVersion = version ?? (await openCartVersionOf(shop));
  for (const [t, lines] of weeks.entries()) {
    const sold = lines.filter((l) => l.units > 0);
    if (sold.length === 0) continue;
    const dateAdded = new Date(firstWeekMs + t * WEEK_MS + 2.5 * 86_400_000).toISOString().slice(0, 19).replace('T', ' ');
    const total = sold.reduce((s, l) => s + l.units * l.price, 0);
    const orderId = await seedOrder(shop, { orderStatusId: statusId, total: total.toFixed(4), dateAdded }, shopVersion);
    // 4.0's lines also name the product's master (0 for a product that is no variant).
    const orderProduct = shopVersion === '4.0' ? openCart4Tables(shop.tenant.prefix).orderProduct : shop.oc.orderProduct;
    await shop.db.insert(orderProduct).values(
      sold.map((l) => ({
        ...(shopVersion === '4.0' ? { masterId: 0 } : {}),
        orderId,
        productId: l.productId,
        name: `Product ${l.productId}`,
        model: `Model ${l.productId}`,
        quantity: l.units,
        price: l.price.toFixed(4),
        total: (l.units * l.price).toFixed(4),
        tax: '0.0000',
        reward: 0,
      })),
    );
  }
}

export async function setCategory(db: Db, shop: TenantDb, productId: number, categoryId: number) {
  await db.insert(shop.oc.productToCategory).values({ productId, categoryId });
}
