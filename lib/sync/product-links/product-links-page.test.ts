import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { createAppTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { auditLog, marketplaceAccounts, productLinks, quotaLimits, syncOutbox } from '@/lib/db/schema';
import { QuotaExceededError } from '@/lib/quotas';
import { FakeMarketplaceClient } from '../fake-marketplace-client.test-helper';
import { getOutboxPanelData, readOutboxPanelParams } from '../outbox-panel-query';
import { readShopPricing } from '../read-shop-stock-prices';
import { addAccount, addProducts, linkProducts, oc, openFixture, runSync, setPrice, setQuantity, skuOf, testClock, type SyncFixture } from '../sync.test-helper';
import { applyAutoMatch, previewAutoMatch } from './auto-match';
import { linkProduct } from './link-product';
import { listProductLinkRows } from './list-product-link-rows';
import { readProductListQuery } from './product-list-query';
import { unlinkProduct } from './unlink-product';

const actor = { userId: 1, username: 'editor' };
const LANGUAGE_ID = 1;
let t: TestDatabase;
let fx: SyncFixture;
const clock = testClock();

beforeAll(async () => {
  t = await createAppTestDatabase('synclinks');
  fx = await openFixture(t);
});
afterAll(async () => t?.drop());

describe('auto-match', () => {
  let accountId: number;
  let ids: number[];

  beforeAll(async () => {
    accountId = await addAccount(t.db, fx.tenantId, 'hepsiburada', 'HB');
    await t.db.update(marketplaceAccounts).set({ skuMatch: 'ean' }).where(eq(marketplaceAccounts.id, accountId));
    ids = await addProducts(t.db, 7, 400);
    const ean = (productId: number, value: string) => t.db.update(oc.product).set({ ean: value }).where(eq(oc.product.productId, productId));
    await ean(ids[0]!, '8690000000011'); // a match
    await ean(ids[1]!, '8690000000028'); // a match, with HTML-escaped text decoded below
    await ean(ids[2]!, '8690000000035'); // shares its key with the next: a conflict
    await ean(ids[3]!, '8690000000035');
    await ean(ids[4]!, ''); // empty key
    await ean(ids[5]!, '8690000000059'); // its key is linked to another product already
    await ean(ids[6]!, '8690000000066'); // already linked itself
    await t.db.insert(productLinks).values([
      { tenantId: fx.tenantId, accountId, marketplaceSku: '8690000000059', ocProductId: 30, createdBy: 'test' },
      { tenantId: fx.tenantId, accountId, marketplaceSku: 'OLD-LINK', ocProductId: ids[6]!, createdBy: 'test' },
    ]);
    // Products of another store are not the tenant's.
    await t.db.delete(oc.productToStore).where(inArray(oc.productToStore.productId, [28, 29]));
  });

  it("previews matches by the account's rule and every kind of conflict before anything is saved", async () => {
    const preview = await previewAutoMatch(t.db, fx.shop, { accountId, languageId: LANGUAGE_ID });
    expect(preview.field).toBe('ean');
    expect(preview.matches.map((m) => [m.productId, m.key])).toEqual([
      [ids[0], '8690000000011'],
      [ids[1], '8690000000028'],
    ]);
    expect(preview.duplicateKeys).toEqual([
      { key: '8690000000035', products: [expect.objectContaining({ productId: ids[2] }), expect.objectContaining({ productId: ids[3] })] },
    ]);
    expect(preview.linkedElsewhere).toEqual([expect.objectContaining({ productId: ids[5], key: '8690000000059', linkedProductId: 30 })]);
    // Product 30 is linked (under the SKU of ids[5]) and ids[6] is linked: both are left as they are.
    expect(preview.alreadyLinked).toBe(2);
    expect(preview.emptyKeys.map((p) => p.productId)).toContain(ids[4]);
    // OpenCart's sample products have no EAN: empty keys too, but only the tenant's store's.
    expect(preview.emptyKeys.map((p) => p.productId)).not.toContain(28);
    expect(await t.db.select().from(productLinks).where(eq(productLinks.accountId, accountId))).toHaveLength(2);
  });

  it('creates only the confirmed matches, recomputed at save time, with one audit row', async () => {
    // Since the preview, someone linked the first match by hand.
    await t.db.insert(productLinks).values({ tenantId: fx.tenantId, accountId, marketplaceSku: 'MANUAL', ocProductId: ids[0]!, createdBy: 'test' });
    const result = await applyAutoMatch(t.db, fx.shop, { accountId, productIds: [ids[0]!, ids[1]!, ids[2]!], languageId: LANGUAGE_ID }, { actor });
    expect(result).toEqual({ created: 1, skipped: 2 });
    const links = await t.db.select().from(productLinks).where(eq(productLinks.accountId, accountId));
    expect(links.find((l) => l.ocProductId === ids[1])).toMatchObject({ marketplaceSku: '8690000000028', createdBy: 'editor' });
    expect(links.filter((l) => l.ocProductId === ids[2])).toEqual([]);
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'product_link.auto_match'));
    expect(audit?.after).toEqual({ field: 'ean', confirmed: 3, created: 1 });
  });

  it("refuses links beyond the tenant's linked-products quota, saving none", async () => {
    const [extra] = await addProducts(t.db, 1, 450);
    await t.db.update(oc.product).set({ ean: '8690000000073' }).where(eq(oc.product.productId, extra!));
    const linked = (await t.db.select().from(productLinks).where(eq(productLinks.tenantId, fx.tenantId))).length;
    await t.db.insert(quotaLimits).values({ tenantId: fx.tenantId, resource: 'linked_products', limitValue: linked, updatedBy: 'test' });
    await expect(
      applyAutoMatch(t.db, fx.shop, { accountId, productIds: [extra!], languageId: LANGUAGE_ID }, { actor }),
    ).rejects.toBeInstanceOf(QuotaExceededError);
    expect(await t.db.select().from(productLinks).where(eq(productLinks.ocProductId, extra!))).toEqual([]);
    await t.db.delete(quotaLimits).where(eq(quotaLimits.tenantId, fx.tenantId));
  });

  it('refuses an account of another tenant and an empty confirmation', async () => {
    await expect(previewAutoMatch(t.db, fx.shop, { accountId: accountId + 1000, languageId: LANGUAGE_ID })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(applyAutoMatch(t.db, fx.shop, { accountId, productIds: [], languageId: LANGUAGE_ID }, { actor })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

describe('manual link and unlink', () => {
  it('links a product, refuses a SKU linked to another product, and unlinking cancels the waiting item', async () => {
    const accountId = await addAccount(t.db, fx.tenantId);
    const [a, b] = (await addProducts(t.db, 2, 500)) as [number, number];
    const link = await linkProduct(t.db, { accountId, productId: a, marketplaceSku: '  TY-A  ' }, { actor, shop: fx.shop });
    expect(link).toMatchObject({ marketplaceSku: 'TY-A', ocProductId: a });
    await expect(linkProduct(t.db, { accountId, productId: b, marketplaceSku: 'ty-a' }, { actor, shop: fx.shop })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(linkProduct(t.db, { accountId, productId: b, marketplaceSku: '   ' }, { actor, shop: fx.shop })).rejects.toMatchObject({ code: 'BAD_REQUEST' });

    await runSync(t, fx, new Map(), clock.now); // queues the new listing (no client: nothing is sent)
    const [waiting] = await t.db.select().from(syncOutbox).where(eq(syncOutbox.marketplaceSku, 'TY-A'));
    expect(waiting).toMatchObject({ status: 'pending', openSlot: 1 });

    await unlinkProduct(t.db, fx.tenantId, { linkId: link.id }, { actor });
    const [cancelled] = await t.db.select().from(syncOutbox).where(eq(syncOutbox.id, waiting!.id));
    expect(cancelled).toMatchObject({ status: 'cancelled', openSlot: null });
    expect(await t.db.select().from(productLinks).where(eq(productLinks.id, link.id))).toEqual([]);
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'product_link.remove'), eq(auditLog.targetId, String(link.id))));
    expect(audit?.before).toEqual({ accountId, marketplaceSku: 'TY-A', ocProductId: a });
    await expect(unlinkProduct(t.db, fx.tenantId + 1, { linkId: link.id }, { actor })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('product list and outbox panel', () => {
  let accountId: number;
  let ids: number[];
  let marketplace: FakeMarketplaceClient;

  beforeAll(async () => {
    accountId = await addAccount(t.db, fx.tenantId, 'trendyol', 'TY list');
    ids = await addProducts(t.db, 6, 600);
    await linkProducts(t.db, fx.tenantId, accountId, ids.slice(0, 5));
    marketplace = new FakeMarketplaceClient(100);
    marketplace.pendingPolls = 0;
    const clients = new Map([[accountId, marketplace]]);
    await runSync(t, fx, clients, clock.now);
    await runSync(t, fx, clients, clock.now);
    // ids[0] in sync; ids[1] changed in the shop; ids[2] refused; ids[3] held; ids[4] queued; ids[5] unlinked.
    await setQuantity(t.db, [ids[2]!, ids[4]!], 5);
    marketplace.refusals.set(skuOf(ids[2]!), 'Stok kodu bulunamadı');
    await setPrice(t.db, [ids[3]!], '300.0000');
    await runSync(t, fx, clients, clock.now);
    await runSync(t, fx, clients, clock.now);
    await setQuantity(t.db, [ids[4]!], 4);
    await runSync(t, fx, new Map(), clock.now);
    await setQuantity(t.db, [ids[1]!], 1);
  });

  const list = async (query: Record<string, string>) => {
    const { query: parsed } = readProductListQuery(query);
    return listProductLinkRows(t.db, fx.shop, {
      accountId,
      languageId: LANGUAGE_ID,
      pricing: await readShopPricing(fx.shop, clock.now()),
      q: parsed.q,
      filter: parsed.filter,
      page: parsed.page,
    });
  };

  it('shows each linked product with its sync state and last confirmed values', async () => {
    const page = await list({ q: 'Product 60' });
    const state = (productId: number) => page.rows.find((r) => r.productId === productId)?.listings.map((l) => l.state);
    expect(page.rows.map((r) => r.productId)).toEqual(ids);
    expect(state(ids[0]!)).toEqual(['in_sync']);
    expect(state(ids[1]!)).toEqual(['changed']);
    expect(state(ids[2]!)).toEqual(['failed']);
    expect(state(ids[3]!)).toEqual(['held']);
    expect(state(ids[4]!)).toEqual(['pending']);
    expect(state(ids[5]!)).toEqual([]);
    const refused = page.rows.find((r) => r.productId === ids[2])!.listings[0]!;
    expect(refused).toMatchObject({ lastError: 'Stok kodu bulunamadı', attempts: 1, confirmedQuantity: 10, confirmedPrice: '100.0000' });
    expect(page.rows.find((r) => r.productId === ids[3])!.listings[0]).toMatchObject({ heldPrice: '300.0000', heldBasePrice: '100.0000' });
    expect(page.rows[0]).toMatchObject({ name: `Product ${ids[0]}`, model: `Model ${ids[0]}`, quantity: 10, price: '100.0000' });
  });

  it('filters by link and by what needs attention, searches the SKUs of links, and pages', async () => {
    const ours = (rows: { productId: number }[]) => rows.map((r) => r.productId).filter((id) => ids.includes(id));
    expect(ours((await list({ filter: 'attention' })).rows)).toEqual([ids[2], ids[3]]);
    expect(ours((await list({ filter: 'unlinked', q: 'Product 60' })).rows)).toEqual([ids[5]]);
    expect(ours((await list({ filter: 'linked', q: 'Product 60' })).rows)).toEqual(ids.slice(0, 5));
    expect((await list({ q: skuOf(ids[4]!) })).rows.map((r) => r.productId)).toEqual([ids[4]]);
    const all = await list({});
    expect(all.total).toBeGreaterThan(25);
    expect(all.rows).toHaveLength(25);
    const last = await list({ page: '999' });
    expect(last.page).toBe(all.pageCount);
    expect(readProductListQuery({ filter: 'nope', page: '-1', account: 'x', q: 'ok' })).toEqual({
      query: { filter: 'all', page: 1, q: 'ok' },
      ignored: ['account', 'filter', 'page'],
    });
  });

  it('the outbox panel counts and lists pending, failed, held and confirmed items with reasons', async () => {
    const failed = await getOutboxPanelData(t.db, fx.tenantId, readOutboxPanelParams({ outbox: 'failed' }));
    expect(failed.counts).toMatchObject({ failed: 1, held: 1 });
    expect(failed.rows).toEqual([
      expect.objectContaining({ marketplaceSku: skuOf(ids[2]!), status: 'failed', reason: 'Stok kodu bulunamadı', attempts: 1, accountName: 'TY list', quantity: 5 }),
    ]);
    const held = await getOutboxPanelData(t.db, fx.tenantId, readOutboxPanelParams({ outbox: 'held' }));
    expect(held.rows).toEqual([expect.objectContaining({ marketplaceSku: skuOf(ids[3]!), price: '300.0000', previousPrice: '100.0000', productId: ids[3] })]);
    const pending = await getOutboxPanelData(t.db, fx.tenantId, readOutboxPanelParams({ outbox: 'pending' }));
    expect(pending.rows.map((r) => r.marketplaceSku)).toContain(skuOf(ids[4]!));
    const confirmed = await getOutboxPanelData(t.db, fx.tenantId, readOutboxPanelParams({ outbox: 'confirmed', outboxPage: '2' }));
    expect(confirmed.page).toBe(1);
    expect(confirmed.rows.every((r) => r.status === 'confirmed' && r.batchId !== null)).toBe(true);
    // Nonsense in the query string falls back to the defaults.
    expect(readOutboxPanelParams({ outbox: 'nope', outboxPage: 'x' })).toEqual({ status: 'failed', page: 1 });
  });
});
