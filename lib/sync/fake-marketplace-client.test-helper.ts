/** An in-test marketplace behind the MarketplaceClient interface: it records pushes and answers batches later. */
import { randomUUID } from 'node:crypto';
import type { MarketplaceName } from '@/lib/marketplaces/names';
import { MarketplaceApiError, type ApiErrorKind } from '@/lib/marketplaces/outbound';
import type { BatchStatus, MarketplaceClient, OrderPage, PushResult, StockPriceItem } from '@/lib/marketplaces/outbound/types';

/** What the outbound core throws, as it throws it. */
export function apiError(kind: ApiErrorKind, message = `fake ${kind}`): MarketplaceApiError {
  return new MarketplaceApiError({ kind, marketplace: 'trendyol', endpoint: '/fake', message });
}

export type RecordedPush = { batchId: string; items: StockPriceItem[] };

export class FakeMarketplaceClient implements MarketplaceClient {
  readonly marketplace: MarketplaceName = 'trendyol';
  readonly pushes: RecordedPush[] = [];
  /** Thrown by the next pushes, one each, before anything is recorded. */
  readonly pushFailures: Error[] = [];
  /** Thrown by the next batchStatus calls, one each. */
  readonly pollFailures: Error[] = [];
  /** SKU → reason: the batch result refuses these items. */
  readonly refusals = new Map<string, string>();
  /** How many times each batch answers `pending` before its result. */
  pendingPolls = 1;
  /** Called inside a push, after the failures; a test blocks here to hold a push open. */
  onPush?: (items: StockPriceItem[]) => Promise<void>;
  private readonly polls = new Map<string, number>();
  private nextId = 1;
  /** Batch ids are unique across fakes, as a marketplace's are. */
  private readonly idPrefix = `batch-${randomUUID().slice(0, 8)}`;

  constructor(readonly maxBatchSize = 1_000) {}

  async pushStockAndPrice(items: StockPriceItem[]): Promise<PushResult> {
    const failure = this.pushFailures.shift();
    if (failure) throw failure;
    if (items.length > this.maxBatchSize) throw apiError('client', `${items.length} items, more than ${this.maxBatchSize}`);
    await this.onPush?.(items);
    const batchId = `${this.idPrefix}-${this.nextId++}`;
    this.pushes.push({ batchId, items: items.map((item) => ({ ...item })) });
    return { batchId };
  }

  async batchStatus(batchId: string): Promise<BatchStatus> {
    const failure = this.pollFailures.shift();
    if (failure) throw failure;
    const push = this.pushes.find((p) => p.batchId === batchId);
    if (!push) throw apiError('client', `no batch ${batchId}`);
    const polls = (this.polls.get(batchId) ?? 0) + 1;
    this.polls.set(batchId, polls);
    if (polls <= this.pendingPolls) return { state: 'pending' };
    return {
      state: 'done',
      items: push.items.map((item) => {
        const reason = this.refusals.get(item.sku);
        return reason ? { sku: item.sku, ok: false, reason } : { sku: item.sku, ok: true };
      }),
    };
  }

  async listOrders(): Promise<OrderPage> {
    return { events: [], nextCursor: null };
  }

  /** Every SKU pushed, in order, with repeats. */
  pushedSkus(): string[] {
    return this.pushes.flatMap((p) => p.items.map((i) => i.sku));
  }
}
