/**
 * The pricing actions as the dashboard calls them: only an admin of the shop changes prices, costs and
 * rules; a product the shop does not have is answered "not found", and so is its page.
 */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openCartTables } from '@/lib/db/opencart';
import { priceSuggestions, productCosts, tenantGrants } from '@/lib/db/schema';
import { getMessages } from '@/lib/i18n';
import { addProducts } from '@/lib/sync/sync.test-helper';
import { createAppTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { addAdminUser } from '@/lib/users/add-admin-user';
import { computeSuggestions } from './compute-suggestions';
import { openDefaultShop, writeWeeklyOrders } from './pricing.test-helper';
import { salesWindow } from './sales-window';

const session = vi.hoisted(() => ({ user: null as null | { id: number; username: string; isAdministrator: boolean; name: string } }));
vi.mock('next-auth', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next-auth')>()),
  getServerSession: async () => (session.user ? { user: session.user, expires: '2999-01-01T00:00:00Z' } : null),
}));
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: () => undefined }),
  headers: async () => new Headers({ 'user-agent': 'vitest', 'x-forwarded-for': '127.0.0.1' }),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));

const PRODUCT = 1000;
const errors = getMessages('en').pricing.errors;
let t: TestDatabase;
let admin: NonNullable<typeof session.user>;
let viewer: NonNullable<typeof session.user>;
const oc = openCartTables('oc_');

const priceOf = async () => (await t.db.select({ price: oc.product.price }).from(oc.product).where(eq(oc.product.productId, PRODUCT)))[0]!.price;

beforeAll(async () => {
  t = await createAppTestDatabase('pricingsec');
  process.env.DATABASE_URL = t.url;
  process.env.APP_ENCRYPTION_KEY = randomBytes(32).toString('base64');
  const { tenantId, shop } = await openDefaultShop(t);
  const a = await addAdminUser(t.db, 'oc_', { username: 'alice', password: 'alice-password-1' });
  const v = await addAdminUser(t.db, 'oc_', { username: 'vera', password: 'vera-password-1' });
  admin = { id: a.userId, username: 'alice', isAdministrator: true, name: 'Alice' };
  viewer = { id: v.userId, username: 'vera', isAdministrator: true, name: 'Vera' };
  // Vera only looks at this shop.
  await t.db.insert(tenantGrants).values({ tenantId, userId: viewer.id, username: 'vera', role: 'viewer', grantedBy: 'test' });
  await addProducts(t.db, 1);
  const now = new Date();
  const window = salesWindow(now.toISOString().slice(0, 19).replace('T', ' '));
  await writeWeeklyOrders(
    shop,
    window.firstWeekMs,
    Array.from({ length: 30 }, (_, w) => [{ productId: PRODUCT, units: 5 + (w % 4), price: w % 10 < 5 ? 100 : 90 }]),
  );
  await computeSuggestions(t.db, shop, { now });
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterAll(async () => {
  await t?.drop();
});

describe('pricing actions', () => {
  it('a viewer may not accept, reject, set a cost, import costs or save rules', async () => {
    session.user = viewer;
    const actions = await import('@/app/(dashboard)/pricing/actions');
    const forbidden = { ok: false, message: errors.forbidden };
    expect(await actions.acceptSuggestionAction({ productId: PRODUCT })).toEqual(forbidden);
    expect(await actions.bulkAcceptAction({ productIds: [PRODUCT] })).toEqual(forbidden);
    expect(await actions.rejectSuggestionAction({ productId: PRODUCT })).toEqual(forbidden);
    expect(await actions.setProductCostAction({ productId: PRODUCT, cost: '10' })).toEqual(forbidden);
    expect(await actions.importCostsAction({ csv: 'product_id,cost\n1000,10' })).toEqual(forbidden);
    expect(await actions.savePricingRuleAction({ scope: 'shop', scopeId: 0, maxStepPct: '50' })).toEqual(forbidden);
    expect(await actions.computeProductAction({ productId: PRODUCT })).toEqual(forbidden);
    expect(await priceOf()).toBe('100.0000');
    expect(await t.db.select().from(productCosts)).toHaveLength(0);
  });

  it('an admin gets "not found" for a product the shop does not have, and its page is a 404', async () => {
    session.user = admin;
    const actions = await import('@/app/(dashboard)/pricing/actions');
    expect(await actions.acceptSuggestionAction({ productId: 987_654 })).toEqual({ ok: false, message: errors.notFound });
    expect(await actions.setProductCostAction({ productId: 987_654, cost: '10' })).toEqual({ ok: false, message: errors.notFound });
    expect(await actions.acceptSuggestionAction({ productId: 'x' })).toMatchObject({ ok: false, message: errors.invalid });
    const { default: ProductPricingPage } = await import('@/app/(dashboard)/pricing/[productId]/page');
    const err = await ProductPricingPage({ params: Promise.resolve({ productId: '987654' }) }).then(() => null, (e: unknown) => e);
    expect(String((err as { digest?: unknown })?.digest ?? err)).toContain('404');
  });

  it('an admin accepts: OpenCart’s price changes', async () => {
    session.user = admin;
    const actions = await import('@/app/(dashboard)/pricing/actions');
    const [row] = await t.db.select().from(priceSuggestions).where(eq(priceSuggestions.ocProductId, PRODUCT));
    expect(row?.status).toBe('open');
    expect(await actions.acceptSuggestionAction({ productId: PRODUCT })).toMatchObject({ ok: true, price: row!.suggestedPrice });
    expect(await priceOf()).toBe(row!.suggestedPrice);
  });
});
