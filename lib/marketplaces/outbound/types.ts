import type { CanonicalEvent } from '@/lib/webhooks/canonical-events';
import type { MarketplaceName } from '@/lib/marketplaces/names';

/** One product's stock and price as the shop wants it on the marketplace. */
export type StockPriceItem = {
  /** The marketplace's SKU / barcode / stock code for the listing (msc_product_link.marketplace_sku). */
  sku: string;
  quantity: number;
  /** Sale price as a decimal string ("1299.90"), never a float. */
  price: string;
  /** List price where the marketplace wants both (N11, Trendyol); defaults to price. */
  listPrice?: string;
  /** ISO 4217; clients translate where a marketplace wants its own code (N11: TL). */
  currency: string;
};

/** A stock/price write is asynchronous everywhere: a 2xx only means "queued" under this id. */
export type PushResult = { batchId: string };

export type BatchItemResult = { sku: string; ok: boolean; reason?: string };

export type BatchStatus = { state: 'pending' } | { state: 'done'; items: BatchItemResult[] };

/** One page of orders changed since a time, already mapped to canonical events by the marketplace's own mapping. */
export type OrderPage = { events: CanonicalEvent[]; nextCursor: string | null };

/** The outbound side of one marketplace account. Every call goes through rate limit, retries, timeout and breaker. */
export interface MarketplaceClient {
  readonly marketplace: MarketplaceName;
  /** Most items one pushStockAndPrice call may carry (Trendyol, N11, PttAVM: 1,000). */
  readonly maxBatchSize: number;
  pushStockAndPrice(items: StockPriceItem[]): Promise<PushResult>;
  batchStatus(batchId: string): Promise<BatchStatus>;
  /** Orders changed since `since`; pass the returned cursor back until it is null. */
  listOrders(since: Date, cursor: string | null): Promise<OrderPage>;
}
