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

/** A listed order the webhook adapter's schema or mapping refused: reported, not imported. */
export type SkippedOrder = { externalId: string; reason: string };

/** One page of orders changed since a time, already mapped to canonical events by the marketplace's own mapping. */
export type OrderPage = {
  events: CanonicalEvent[];
  nextCursor: string | null;
  /** Orders on the page that could not be read (the rest of the page is still imported). */
  skipped?: SkippedOrder[];
  /** The listed orders as the marketplace sent them (JSON), kept with the stored delivery for support. */
  rawBody?: string;
};

/** The outbound side of one marketplace account. Every call goes through rate limit, retries, timeout and breaker. */
export interface MarketplaceClient {
  readonly marketplace: MarketplaceName;
  /** Most items one pushStockAndPrice call may carry (Trendyol, N11, PttAVM: 1,000). */
  readonly maxBatchSize: number;
  pushStockAndPrice(items: StockPriceItem[]): Promise<PushResult>;
  batchStatus(batchId: string): Promise<BatchStatus>;
  /**
   * Orders changed since `since` (up to `until`, default now); pass the returned cursor back, with the
   * same `since` and `until`, until it is null. The client splits the range into the marketplace's
   * windows (Trendyol 14 days, N11 about 15 and one status per request, PttAVM 40) inside the cursor.
   */
  listOrders(since: Date, cursor: string | null, until?: Date): Promise<OrderPage>;
}
