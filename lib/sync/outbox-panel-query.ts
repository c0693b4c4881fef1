import { and, count, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/lib/db/pool';
import { marketplaceAccounts, productLinks, syncBatches, syncListingStates, syncOutbox, type SyncOutboxStatus } from '@/lib/db/schema';
import type { MarketplaceName } from '@/lib/marketplaces/names';

/** Rows per page of the outbox panel. */
export const OUTBOX_PAGE_SIZE = 20;
const MAX_OUTBOX_PAGE = 10_000;

/** The panel's tabs. `pending` is queued or being pushed; `sent` waits for the batch result. */
export const OUTBOX_PANEL_STATUSES = ['pending', 'sent', 'failed', 'held', 'confirmed'] as const;
export type OutboxPanelStatus = (typeof OUTBOX_PANEL_STATUSES)[number];

const OUTBOX_STATUSES_OF: Record<Exclude<OutboxPanelStatus, 'held'>, SyncOutboxStatus[]> = {
  pending: ['pending', 'sending'],
  sent: ['sent'],
  failed: ['failed'],
  confirmed: ['confirmed'],
};

/** The query-string names the panel reads, so it can sit on a page with filters of its own. */
export const OUTBOX_QUERY_NAMES = { status: 'outbox', page: 'outboxPage' } as const;

export const outboxPanelParamsSchema = z.object({
  status: z.enum(OUTBOX_PANEL_STATUSES).catch('failed').default('failed'),
  page: z.coerce.number().int().min(1).max(MAX_OUTBOX_PAGE).catch(1).default(1),
});
export type OutboxPanelParams = z.infer<typeof outboxPanelParamsSchema>;

/** The panel's tab and page from a page's query string; an invalid value falls back to the default. */
export function readOutboxPanelParams(query: Record<string, string | string[] | undefined>): OutboxPanelParams {
  const first = (name: string) => {
    const value = query[name];
    return Array.isArray(value) ? value[0] : value;
  };
  return outboxPanelParamsSchema.parse({ status: first(OUTBOX_QUERY_NAMES.status), page: first(OUTBOX_QUERY_NAMES.page) });
}

export type OutboxPanelRow = {
  /** Unique within the list: `item-<id>` or `held-<id>`. */
  key: string;
  accountId: number;
  accountName: string | null;
  marketplace: MarketplaceName | null;
  marketplaceSku: string;
  productId: number | null;
  /** Null for a held price (only the price is in question). */
  quantity: number | null;
  price: string;
  /** For a held price: what the marketplace holds. */
  previousPrice: string | null;
  currency: string | null;
  status: OutboxPanelStatus;
  attempts: number;
  /** The marketplace's reason for a refusal, or why the item waits. */
  reason: string | null;
  /** The marketplace's batch id, once it accepted the item. */
  batchId: string | null;
  /** When the row last changed (ISO). */
  at: string;
};

export type OutboxPanelData = {
  status: OutboxPanelStatus;
  counts: Record<OutboxPanelStatus, number>;
  rows: OutboxPanelRow[];
  page: number;
  pageCount: number;
  total: number;
};

async function countByPanelStatus(db: DbOrTx, tenantId: number): Promise<Record<OutboxPanelStatus, number>> {
  const [grouped, [held]] = await Promise.all([
    db
      .select({ status: syncOutbox.status, n: count() })
      .from(syncOutbox)
      .where(and(eq(syncOutbox.tenantId, tenantId), inArray(syncOutbox.status, ['pending', 'sending', 'sent', 'failed', 'confirmed'])))
      .groupBy(syncOutbox.status),
    db
      .select({ n: count() })
      .from(syncListingStates)
      .where(and(eq(syncListingStates.tenantId, tenantId), isNotNull(syncListingStates.heldPrice))),
  ]);
  const of = (...statuses: SyncOutboxStatus[]) =>
    grouped.filter((g) => statuses.includes(g.status)).reduce((sum, g) => sum + Number(g.n), 0);
  return {
    pending: of('pending', 'sending'),
    sent: of('sent'),
    failed: of('failed'),
    held: Number(held?.n ?? 0),
    confirmed: of('confirmed'),
  };
}

async function heldRows(db: DbOrTx, tenantId: number, offset: number): Promise<OutboxPanelRow[]> {
  const rows = await db
    .select({
      id: syncListingStates.id,
      accountId: syncListingStates.accountId,
      accountName: marketplaceAccounts.name,
      marketplace: marketplaceAccounts.marketplace,
      marketplaceSku: syncListingStates.marketplaceSku,
      productId: productLinks.ocProductId,
      price: syncListingStates.heldPrice,
      previousPrice: syncListingStates.heldBasePrice,
      heldAt: syncListingStates.heldAt,
    })
    .from(syncListingStates)
    .leftJoin(marketplaceAccounts, eq(marketplaceAccounts.id, syncListingStates.accountId))
    .leftJoin(
      productLinks,
      and(eq(productLinks.accountId, syncListingStates.accountId), sql`${productLinks.marketplaceSku} = ${syncListingStates.marketplaceSku}`),
    )
    .where(and(eq(syncListingStates.tenantId, tenantId), isNotNull(syncListingStates.heldPrice)))
    .orderBy(desc(syncListingStates.heldAt), desc(syncListingStates.id))
    .limit(OUTBOX_PAGE_SIZE)
    .offset(offset);
  return rows.map((row) => ({
    key: `held-${row.id}`,
    accountId: row.accountId,
    accountName: row.accountName,
    marketplace: row.marketplace,
    marketplaceSku: row.marketplaceSku,
    productId: row.productId,
    quantity: null,
    price: row.price ?? '0',
    previousPrice: row.previousPrice,
    currency: null,
    status: 'held',
    attempts: 0,
    reason: null,
    batchId: null,
    at: (row.heldAt ?? new Date(0)).toISOString(),
  }));
}

async function itemRows(db: DbOrTx, tenantId: number, status: Exclude<OutboxPanelStatus, 'held'>, offset: number): Promise<OutboxPanelRow[]> {
  const rows = await db
    .select({
      id: syncOutbox.id,
      accountId: syncOutbox.accountId,
      accountName: marketplaceAccounts.name,
      marketplace: marketplaceAccounts.marketplace,
      marketplaceSku: syncOutbox.marketplaceSku,
      productId: syncOutbox.ocProductId,
      quantity: syncOutbox.quantity,
      price: syncOutbox.price,
      currency: syncOutbox.currency,
      attempts: syncOutbox.attempts,
      reason: syncOutbox.lastError,
      batchId: syncBatches.marketplaceBatchId,
      updatedAt: syncOutbox.updatedAt,
    })
    .from(syncOutbox)
    .leftJoin(marketplaceAccounts, eq(marketplaceAccounts.id, syncOutbox.accountId))
    .leftJoin(syncBatches, eq(syncBatches.id, syncOutbox.batchId))
    .where(and(eq(syncOutbox.tenantId, tenantId), inArray(syncOutbox.status, OUTBOX_STATUSES_OF[status])))
    .orderBy(desc(syncOutbox.id))
    .limit(OUTBOX_PAGE_SIZE)
    .offset(offset);
  return rows.map((row) => ({
    key: `item-${row.id}`,
    accountId: row.accountId,
    accountName: row.accountName,
    marketplace: row.marketplace,
    marketplaceSku: row.marketplaceSku,
    productId: row.productId,
    quantity: row.quantity,
    price: row.price,
    previousPrice: null,
    currency: row.currency,
    status,
    attempts: row.attempts,
    reason: row.reason,
    batchId: row.batchId,
    at: row.updatedAt.toISOString(),
  }));
}

/** What the outbox panel shows: the tab counts and one page of the chosen tab, newest first. */
export async function getOutboxPanelData(db: DbOrTx, tenantId: number, params: OutboxPanelParams): Promise<OutboxPanelData> {
  const counts = await countByPanelStatus(db, tenantId);
  const total = counts[params.status];
  const pageCount = Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE));
  const page = Math.min(params.page, pageCount);
  const offset = (page - 1) * OUTBOX_PAGE_SIZE;
  const rows = params.status === 'held' ? await heldRows(db, tenantId, offset) : await itemRows(db, tenantId, params.status, offset);
  return { status: params.status, counts, rows, page, pageCount, total };
}
