import { and, asc, eq, isNotNull, ne } from 'drizzle-orm';
import type { Db } from '@/lib/db/pool';
import { marketplaceAccounts, orderPullCursors, type OrderPullCursor } from '@/lib/db/schema';
import type { MarketplaceName } from '@/lib/marketplaces/names';
import { getMarketplaceClient, MarketplaceApiError, type MarketplaceClientOptions } from '@/lib/marketplaces/outbound';
import { recordDelivery } from '@/lib/webhooks/ingest/record-delivery';

/**
 * Each sweep starts this long before the previous one ended: marketplaces stamp changes late (a
 * package modified at 10:00 may be listed from 10:03), and a repeat is a harmless duplicate.
 */
export const ORDER_PULL_OVERLAP_MS = 10 * 60_000;
/** The path and header a pulled page is stored under, so the webhooks page tells it from a push. */
export const PULL_DELIVERY_PATH = 'pull-orders';
const PULL_HEADERS = { 'x-meschain-source': 'pull-orders' };
const LAST_ERROR_CHARS = 500;

export type PullCounts = {
  accounts: number;
  pages: number;
  /** Events stored for the first time (a missed webhook, or a change the webhook did not bring). */
  events: number;
  /** Events already stored (by a webhook or an earlier pull): nothing happens to them. */
  duplicates: number;
  /** Listed orders the adapter could not read; their reasons are logged. */
  skippedOrders: number;
  failedAccounts: number;
};

export type PullOrdersInput = {
  mainDb: Db;
  key: Buffer;
  tenantId: number;
  shouldStop: () => boolean;
  /** The client's clock, limits and deadline (the job passes its deadline; tests a ManualClock). */
  clientOptions?: MarketplaceClientOptions;
  /** The time a new sweep ends at; defaults to the client clock's now. */
  now?: () => number;
};

type PullAccount = { id: number; tenantId: number; marketplace: MarketplaceName; createdAt: Date };

async function readCursor(db: Db, account: PullAccount): Promise<OrderPullCursor> {
  await db.insert(orderPullCursors).ignore().values({ accountId: account.id, tenantId: account.tenantId });
  const [row] = await db.select().from(orderPullCursors).where(eq(orderPullCursors.accountId, account.id));
  if (!row) throw new Error(`msc_order_pull_cursor of account ${account.id} vanished`);
  return row;
}

/**
 * Pulls one account's orders changed since its cursor, page by page, storing each page's canonical
 * events exactly as a webhook delivery is stored (same unique key per account and external id), then
 * moving the cursor. A sweep cut short by the time budget keeps its bounds and page cursor and is
 * continued by the next run; its end becomes `pulled_until` only once its last page is stored.
 */
export async function pullAccountOrders(input: PullOrdersInput, account: PullAccount, counts: PullCounts): Promise<'done' | 'more'> {
  const { mainDb: db } = input;
  const now = input.now ?? (() => input.clientOptions?.clock?.now() ?? Date.now());
  const cursor = await readCursor(db, account);
  let since = cursor.sweepSince;
  let until = cursor.sweepUntil;
  let pageCursor = cursor.sweepUntil ? cursor.pageCursor : null;
  if (!since || !until) {
    since = new Date((cursor.pulledUntil ?? account.createdAt).getTime() - ORDER_PULL_OVERLAP_MS);
    until = new Date(now());
    pageCursor = null;
  }
  const client = await getMarketplaceClient(db, account.id, input.key, input.clientOptions);
  const startedAt = new Date(now());

  while (!input.shouldStop()) {
    const page = await client.listOrders(since, pageCursor, until);
    counts.pages += 1;
    for (const skipped of page.skipped ?? []) {
      counts.skippedOrders += 1;
      console.warn(`pull-orders: ${account.marketplace} account ${account.id} order ${skipped.externalId} not imported: ${skipped.reason}`);
    }
    if (page.events.length > 0) {
      const recorded = await recordDelivery(db, {
        tenantId: account.tenantId,
        accountId: account.id,
        marketplace: account.marketplace,
        request: { method: 'POST', pathTail: [PULL_DELIVERY_PATH], headers: PULL_HEADERS, rawBody: page.rawBody ?? '[]', receivedAt: new Date() },
        storedHeaders: PULL_HEADERS,
        events: page.events,
      });
      counts.events += recorded.received;
      counts.duplicates += recorded.duplicate;
    }
    // The events of this page are committed: only now does the cursor move past it.
    pageCursor = page.nextCursor;
    if (pageCursor === null) {
      await db
        .update(orderPullCursors)
        .set({ pulledUntil: until, sweepSince: null, sweepUntil: null, pageCursor: null, lastRunAt: startedAt, lastError: null, updatedAt: new Date() })
        .where(eq(orderPullCursors.accountId, account.id));
      return 'done';
    }
    await db
      .update(orderPullCursors)
      .set({ sweepSince: since, sweepUntil: until, pageCursor, lastRunAt: startedAt, updatedAt: new Date() })
      .where(eq(orderPullCursors.accountId, account.id));
  }
  return 'more';
}

/** The tenant's accounts that can be pulled: active, with API credentials, on a marketplace we call. */
export async function pullableAccounts(db: Db, tenantId: number): Promise<PullAccount[]> {
  return db
    .select({ id: marketplaceAccounts.id, tenantId: marketplaceAccounts.tenantId, marketplace: marketplaceAccounts.marketplace, createdAt: marketplaceAccounts.createdAt })
    .from(marketplaceAccounts)
    .where(
      and(
        eq(marketplaceAccounts.tenantId, tenantId),
        eq(marketplaceAccounts.status, 'active'),
        ne(marketplaceAccounts.marketplace, 'generic'),
        isNotNull(marketplaceAccounts.apiCredentialsCiphertext),
      ),
    )
    .orderBy(asc(marketplaceAccounts.id));
}

/**
 * Pulls every pullable account of the tenant in turn. One account's failure (its marketplace down,
 * its circuit open) is recorded on its cursor and does not stop the others; the run fails only when
 * every account failed.
 */
export async function pullTenantOrders(input: PullOrdersInput): Promise<{ counts: PullCounts; more: boolean }> {
  const counts: PullCounts = { accounts: 0, pages: 0, events: 0, duplicates: 0, skippedOrders: 0, failedAccounts: 0 };
  const accounts = await pullableAccounts(input.mainDb, input.tenantId);
  let more = false;
  let firstError: unknown = null;
  for (const account of accounts) {
    if (input.shouldStop()) {
      more = true;
      break;
    }
    counts.accounts += 1;
    try {
      if ((await pullAccountOrders(input, account, counts)) === 'more') more = true;
    } catch (err) {
      counts.failedAccounts += 1;
      firstError ??= err;
      const message = err instanceof Error ? err.message : String(err);
      console.warn(`pull-orders: ${account.marketplace} account ${account.id} failed: ${message}`);
      await input.mainDb
        .update(orderPullCursors)
        .set({ lastError: message.slice(0, LAST_ERROR_CHARS), lastRunAt: new Date(), updatedAt: new Date() })
        .where(eq(orderPullCursors.accountId, account.id));
      if (err instanceof MarketplaceApiError && err.retryable) more = true;
    }
  }
  if (counts.failedAccounts > 0 && counts.failedAccounts === counts.accounts) throw firstError;
  return { counts, more };
}
