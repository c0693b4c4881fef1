import { eq } from 'drizzle-orm';
import type { Db, Transaction } from '@/lib/db/pool';
import { marketplaceAccounts, tenants, type WebhookEvent } from '@/lib/db/schema';
import type { MarketplaceName, SkuMatchField } from '@/lib/marketplaces/names';
import { loadShopOrderContext, type ShopOrderContext } from '@/lib/orders/shop-order-context';
import type { PlaceCache } from '@/lib/orders/resolve-address';
import type { OrderWriteStep } from '@/lib/orders/write-opencart-order';
import { resolveSkus, type MatchedProduct, type SkuResolution } from '@/lib/product-links/resolve-skus';
import { openTenantDb } from '@/lib/tenants/tenant-db';
import { loadOrderStatusMap, type OrderStatusMap } from '../status-map';
import { needsAction } from './apply-error';
import type { OrderLock } from './order-lock';

export type ClaimedEvent = Pick<WebhookEvent, 'id' | 'tenantId' | 'accountId' | 'marketplace' | 'type' | 'externalId' | 'payload' | 'attempts'>;

/** One shop as the worker writes to it; loaded once per batch and tenant. */
export type TenantShop = { order: ShopOrderContext; statusMap: OrderStatusMap; places: PlaceCache };

export type EventAccount = { id: number; tenantId: number; marketplace: MarketplaceName; skuMatch: SkuMatchField };

/** Steps an event passes, for tests that stop a worker between two of them as a crash would. */
export type ApplyStep = 'intent_recorded' | OrderWriteStep;
export type AfterStep = (step: ApplyStep, event: ClaimedEvent) => void | Promise<void>;

export type ApplyContext = {
  /** The main database outside the event's transaction: what must be committed before OpenCart is touched. */
  db: Db;
  /** The event's transaction (it holds the event row): commits with the done mark, rolls back whole on failure. */
  tx: Transaction;
  event: ClaimedEvent;
  account: EventAccount;
  shop: () => Promise<TenantShop>;
  /** Marketplace SKUs → OpenCart products for the event's account (lib/product-links), per batch. */
  resolveSkus: (skus: readonly string[]) => Promise<SkuResolution>;
  orderLock: OrderLock;
  /** The clock of this batch. */
  now: Date;
  afterStep?: AfterStep;
};

type SkuOutcome =
  | { kind: 'product'; product: MatchedProduct }
  | { kind: 'unknown' }
  | { kind: 'ambiguous'; productIds: number[] }
  | { kind: 'broken'; productId: number };

/**
 * Tenants, accounts and SKU matches read once per worker batch (one call of processDueEvents): a
 * product mapping added meanwhile is seen by the next batch, which is also where a replay runs.
 */
export class BatchLookups {
  private readonly shops = new Map<number, Promise<TenantShop>>();
  private readonly accounts = new Map<number, Promise<EventAccount | undefined>>();
  private readonly skus = new Map<string, SkuOutcome>();

  constructor(
    private readonly db: Db,
    private readonly mainDatabaseUrl: string,
  ) {}

  shop(tenantId: number): Promise<TenantShop> {
    let shop = this.shops.get(tenantId);
    if (!shop) {
      shop = this.loadShop(tenantId);
      this.shops.set(tenantId, shop);
      // A shop that could not be read now is asked again by the next event.
      shop.catch(() => this.shops.delete(tenantId));
    }
    return shop;
  }

  private async loadShop(tenantId: number): Promise<TenantShop> {
    const [tenant] = await this.db.select().from(tenants).where(eq(tenants.id, tenantId));
    if (!tenant) throw needsAction(`Tenant ${tenantId} does not exist`);
    const tdb = openTenantDb(tenant, this.mainDatabaseUrl);
    const [order, statusMap] = await Promise.all([loadShopOrderContext(tdb), loadOrderStatusMap(this.db, tenantId)]);
    return { order, statusMap, places: new Map() };
  }

  async account(event: ClaimedEvent): Promise<EventAccount> {
    let account = this.accounts.get(event.accountId);
    if (!account) {
      account = this.db
        .select({
          id: marketplaceAccounts.id,
          tenantId: marketplaceAccounts.tenantId,
          marketplace: marketplaceAccounts.marketplace,
          skuMatch: marketplaceAccounts.skuMatch,
        })
        .from(marketplaceAccounts)
        .where(eq(marketplaceAccounts.id, event.accountId))
        .then(([row]) => row);
      this.accounts.set(event.accountId, account);
      account.catch(() => this.accounts.delete(event.accountId));
    }
    const found = await account;
    if (!found || found.tenantId !== event.tenantId) {
      throw needsAction(`Marketplace account ${event.accountId} does not exist in tenant ${event.tenantId}`);
    }
    return found;
  }

  /** resolveSkus, remembering each SKU's answer for the rest of the batch. */
  async resolveSkus(account: EventAccount, shop: TenantShop, skus: readonly string[]): Promise<SkuResolution> {
    const key = (sku: string) => `${account.id}\u0000${sku}`;
    const missing = [...new Set(skus)].filter((sku) => !this.skus.has(key(sku)));
    if (missing.length > 0) {
      const found = await resolveSkus(this.db, shop.order.tdb, { accountId: account.id, skuMatch: account.skuMatch, skus: missing });
      for (const [sku, product] of found.products) this.skus.set(key(sku), { kind: 'product', product });
      for (const sku of found.unknown) this.skus.set(key(sku), { kind: 'unknown' });
      for (const { sku, productIds } of found.ambiguous) this.skus.set(key(sku), { kind: 'ambiguous', productIds });
      for (const { sku, productId } of found.brokenLinks) this.skus.set(key(sku), { kind: 'broken', productId });
    }
    const result: SkuResolution = { products: new Map(), unknown: [], ambiguous: [], brokenLinks: [] };
    for (const sku of new Set(skus)) {
      const outcome = this.skus.get(key(sku));
      if (outcome?.kind === 'product') result.products.set(sku, outcome.product);
      else if (outcome?.kind === 'ambiguous') result.ambiguous.push({ sku, productIds: outcome.productIds });
      else if (outcome?.kind === 'broken') result.brokenLinks.push({ sku, productId: outcome.productId });
      else result.unknown.push(sku);
    }
    return result;
  }
}
