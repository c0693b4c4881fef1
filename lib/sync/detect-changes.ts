import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/lib/db/pool';
import { syncListingStates, syncOutbox, type NewSyncOutboxItem } from '@/lib/db/schema';
import { selectRows } from '@/lib/orders/raw-sql';
import type { TenantDb } from '@/lib/tenants/tenant-db';
import { decideListing, type ListingValues } from './decide-listing';
import { readShopStockPrices, type ShopPricing } from './read-shop-stock-prices';

/** Links compared per round trip: two statements per chunk whatever the catalogue's size. */
export const DETECT_CHUNK_SIZE = 2_000;

export type DetectInput = {
  tenantId: number;
  accountId: number;
  pricing: ShopPricing;
  thresholdPct: string;
  now: Date;
  /** Only these links (after a review); all of the account's links when absent. */
  linkIds?: readonly number[];
  shouldStop?: () => boolean;
};

export type DetectResult = { compared: number; queued: number; cancelled: number; held: number; stopped: boolean };

const nullableDecimal = z.union([z.string(), z.number()]).nullable().transform((v) => (v === null ? null : String(v)));
const nullableInt = z.coerce.number().int().nullable();

const listingRowSchema = z.object({
  link_id: z.coerce.number().int(),
  marketplace_sku: z.string(),
  oc_product_id: z.coerce.number().int(),
  state_id: z.coerce.number().int().nullable(),
  confirmed_quantity: nullableInt,
  confirmed_price: nullableDecimal,
  confirmed_list_price: nullableDecimal,
  held_price: nullableDecimal,
  approved_price: nullableDecimal,
  rejected_price: nullableDecimal,
  open_id: z.coerce.number().int().nullable(),
  open_quantity: nullableInt,
  open_price: nullableDecimal,
  open_list_price: nullableDecimal,
  flight_id: z.coerce.number().int().nullable(),
});
type ListingRow = z.infer<typeof listingRowSchema>;

function values(quantity: number | null, price: string | null, listPrice: string | null): ListingValues | null {
  if (quantity === null || price === null) return null;
  return { quantity, price, listPrice: listPrice ?? price };
}

/**
 * One chunk of an account's links with everything the comparison needs, in one statement: the
 * confirmed state, the waiting item (the open slot) and the id of the newest item in flight. That id
 * is a scalar subquery per link (an index lookup on the listing key): joined instead, as a derived
 * table or a correlated join condition, the server scanned the whole outbox for every link.
 */
async function readListingChunk(db: Db, input: DetectInput, afterLinkId: number): Promise<ListingRow[]> {
  const onlyLinks = input.linkIds ? sql`AND l.id IN (${sql.join(input.linkIds.map((id) => sql`${id}`), sql`, `)})` : sql``;
  return selectRows(
    db,
    sql`
      SELECT l.id AS link_id, l.marketplace_sku, l.oc_product_id,
        s.id AS state_id, s.confirmed_quantity, s.confirmed_price, s.confirmed_list_price,
        s.held_price, s.approved_price, s.rejected_price,
        o.id AS open_id, o.quantity AS open_quantity, o.price AS open_price, o.list_price AS open_list_price,
        (SELECT f.id FROM msc_sync_outbox f
          WHERE f.account_id = l.account_id AND f.marketplace_sku = l.marketplace_sku AND f.status IN ('sending', 'sent')
          ORDER BY f.id DESC LIMIT 1) AS flight_id
      FROM msc_product_link l
      LEFT JOIN msc_sync_state s ON s.account_id = l.account_id AND s.marketplace_sku = l.marketplace_sku
      LEFT JOIN msc_sync_outbox o ON o.account_id = l.account_id AND o.marketplace_sku = l.marketplace_sku AND o.open_slot = 1
      WHERE l.tenant_id = ${input.tenantId} AND l.account_id = ${input.accountId} AND l.id > ${afterLinkId} ${onlyLinks}
      ORDER BY l.id
      LIMIT ${DETECT_CHUNK_SIZE}`,
    listingRowSchema,
  );
}

/** The values of the chunk's items in flight, by item id. */
async function readInFlight(db: Db, rows: readonly ListingRow[]): Promise<Map<number, ListingValues>> {
  const ids = rows.flatMap((row) => (row.flight_id === null ? [] : [row.flight_id]));
  if (ids.length === 0) return new Map();
  const items = await db
    .select({ id: syncOutbox.id, quantity: syncOutbox.quantity, price: syncOutbox.price, listPrice: syncOutbox.listPrice })
    .from(syncOutbox)
    .where(inArray(syncOutbox.id, ids));
  return new Map(items.map(({ id, ...values }) => [id, values]));
}

type ChunkWrites = {
  queue: NewSyncOutboxItem[];
  cancel: number[];
  holds: Array<{ sku: string; price: string; basePrice: string }>;
  clearHolds: number[];
  clearRejected: number[];
};

/**
 * The chunk's writes, each one statement. The waiting item is upserted on the open-slot key, so a
 * listing keeps one waiting item however often it changes; an item claimed meanwhile has left the
 * slot, and then the upsert queues a new one behind it.
 */
async function writeChunk(db: Db, input: DetectInput, writes: ChunkWrites) {
  const { now } = input;
  if (writes.queue.length > 0) {
    await db
      .insert(syncOutbox)
      .values(writes.queue)
      .onDuplicateKeyUpdate({
        set: {
          linkId: sql`VALUES(link_id)`,
          ocProductId: sql`VALUES(oc_product_id)`,
          quantity: sql`VALUES(quantity)`,
          price: sql`VALUES(price)`,
          listPrice: sql`VALUES(list_price)`,
          currency: sql`VALUES(currency)`,
          status: 'pending',
          attempts: 0,
          nextAttemptAt: now,
          lastError: null,
          updatedAt: now,
        },
      });
  }
  if (writes.cancel.length > 0) {
    await db
      .update(syncOutbox)
      .set({ status: 'cancelled', openSlot: null, finishedAt: now, updatedAt: now })
      .where(and(inArray(syncOutbox.id, writes.cancel), eq(syncOutbox.openSlot, 1)));
  }
  if (writes.holds.length > 0) {
    await db
      .insert(syncListingStates)
      .values(
        writes.holds.map((h) => ({
          tenantId: input.tenantId,
          accountId: input.accountId,
          marketplaceSku: h.sku,
          heldPrice: h.price,
          heldBasePrice: h.basePrice,
          heldAt: now,
        })),
      )
      .onDuplicateKeyUpdate({
        set: { heldPrice: sql`VALUES(held_price)`, heldBasePrice: sql`VALUES(held_base_price)`, heldAt: sql`VALUES(held_at)` },
      });
  }
  if (writes.clearHolds.length > 0) {
    await db
      .update(syncListingStates)
      .set({ heldPrice: null, heldBasePrice: null, heldAt: null })
      .where(and(inArray(syncListingStates.id, writes.clearHolds), isNotNull(syncListingStates.heldPrice)));
  }
  if (writes.clearRejected.length > 0) {
    await db.update(syncListingStates).set({ rejectedPrice: null }).where(inArray(syncListingStates.id, writes.clearRejected));
  }
}

/**
 * Compares an account's linked products with the shop and queues the differences (see decideListing).
 * Set-based: a chunk of links, their items in flight and their products are read in three statements
 * and written in at most five, so 10,000 links cost a few dozen round trips, not 10,000.
 */
export async function detectChanges(db: Db, shop: TenantDb, input: DetectInput): Promise<DetectResult> {
  const result: DetectResult = { compared: 0, queued: 0, cancelled: 0, held: 0, stopped: false };
  let afterLinkId = 0;
  for (;;) {
    if (input.shouldStop?.()) {
      result.stopped = true;
      return result;
    }
    const rows = await readListingChunk(db, input, afterLinkId);
    if (rows.length === 0) return result;
    afterLinkId = rows[rows.length - 1]!.link_id;
    const [products, inFlight] = await Promise.all([
      readShopStockPrices(shop, [...new Set(rows.map((r) => r.oc_product_id))], input.pricing),
      readInFlight(db, rows),
    ]);
    const writes: ChunkWrites = { queue: [], cancel: [], holds: [], clearHolds: [], clearRejected: [] };
    for (const row of rows) {
      const product = products.get(row.oc_product_id);
      // A link to a deleted product: nothing to compare; the products page shows it as broken.
      if (!product) continue;
      result.compared++;
      const decision = decideListing(
        product,
        {
          confirmed: values(row.confirmed_quantity, row.confirmed_price, row.confirmed_list_price),
          inFlight: row.flight_id === null ? null : (inFlight.get(row.flight_id) ?? null),
          open: values(row.open_quantity, row.open_price, row.open_list_price),
          heldPrice: row.held_price,
          approvedPrice: row.approved_price,
          rejectedPrice: row.rejected_price,
        },
        input.thresholdPct,
      );
      if (decision.queue) {
        writes.queue.push({
          tenantId: input.tenantId,
          accountId: input.accountId,
          linkId: row.link_id,
          ocProductId: row.oc_product_id,
          marketplaceSku: row.marketplace_sku,
          ...decision.queue,
          currency: input.pricing.currency,
          status: 'pending',
          openSlot: 1,
          attempts: 0,
          nextAttemptAt: input.now,
          queuedAt: input.now,
          updatedAt: input.now,
        });
      }
      if (decision.cancelOpen && row.open_id !== null) writes.cancel.push(row.open_id);
      if (decision.hold === 'clear' && row.state_id !== null) writes.clearHolds.push(row.state_id);
      else if (decision.hold && decision.hold !== 'clear') writes.holds.push({ sku: row.marketplace_sku, ...decision.hold });
      if (decision.clearRejected && row.state_id !== null) writes.clearRejected.push(row.state_id);
    }
    await writeChunk(db, input, writes);
    result.queued += writes.queue.length;
    result.cancelled += writes.cancel.length;
    result.held += writes.holds.length;
    if (rows.length < DETECT_CHUNK_SIZE) return result;
  }
}
