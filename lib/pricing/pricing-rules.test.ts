import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '@/lib/db/schema';
import { createAppTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { DEFAULT_RULES } from './price-rules';
import { readRulesBook, resolveRules } from './pricing-rules-book';
import { openDefaultShop } from './pricing.test-helper';
import { savePricingRule } from './save-pricing-rule';

const actor = { userId: 1, username: 'admin' };
let t: TestDatabase;
let tenantId: number;

beforeAll(async () => {
  t = await createAppTestDatabase('pricerule');
  tenantId = (await openDefaultShop(t)).tenantId;
});
afterAll(async () => {
  await t?.drop();
});

describe('pricing rules', () => {
  it('a product row overrides its category’s, which overrides the shop’s, field by field', async () => {
    await savePricingRule(t.db, tenantId, { scope: 'shop', scopeId: 0, marginFloorPct: '15', maxStepPct: '8', rounding: '0.90' }, { actor });
    await savePricingRule(t.db, tenantId, { scope: 'category', scopeId: 20, maxStepPct: '20', rounding: '0.99' }, { actor });
    await savePricingRule(t.db, tenantId, { scope: 'product', scopeId: 7, priceFloor: '49,90', beatCompetitorBy: '1', beatCompetitorFloor: '45' }, { actor });
    const book = await readRulesBook(t.db, tenantId);
    expect(resolveRules(book, 7, 20)).toEqual({
      marginFloorPct: 15,
      maxStepPct: 20,
      priceFloor: 49.9,
      priceCeiling: null,
      rounding: '0.99',
      beatCompetitorBy: 1,
      beatCompetitorFloor: 45,
    });
    expect(resolveRules(book, 8, 21)).toEqual({ ...DEFAULT_RULES, marginFloorPct: 15, maxStepPct: 8, rounding: '0.90' });
    expect(resolveRules({ shop: undefined, categories: new Map(), products: new Map() }, 1, 0)).toEqual(DEFAULT_RULES);
  });

  it('saving again replaces the row; every save is audited', async () => {
    await savePricingRule(t.db, tenantId, { scope: 'shop', scopeId: 0, maxStepPct: '5' }, { actor });
    const book = await readRulesBook(t.db, tenantId);
    expect(resolveRules(book, 8, 21)).toEqual({ ...DEFAULT_RULES, maxStepPct: 5 });
    expect(await t.db.select().from(auditLog).where(eq(auditLog.action, 'pricing.rule_save'))).toHaveLength(4);
  });

  it('refuses a floor above the ceiling, a negative margin and a shop rule with a scope id', async () => {
    const refuse = (input: Parameters<typeof savePricingRule>[2]) => expect(savePricingRule(t.db, tenantId, input, { actor })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await refuse({ scope: 'shop', scopeId: 0, priceFloor: '100', priceCeiling: '90' });
    await refuse({ scope: 'shop', scopeId: 0, marginFloorPct: '-5' });
    await refuse({ scope: 'shop', scopeId: 3 });
  });
});
