import { and, asc, desc, eq, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/lib/db/pool';
import { priceSuggestions, type SuggestionConfidence, type SuggestionStatus } from '@/lib/db/schema';
import { decodeHtmlEntities } from '@/lib/shop/decode-html-entities';
import type { TenantDb } from '@/lib/tenants/tenant-db';
import { SUGGESTION_PAGE_SIZE, type SuggestionListQuery } from './suggestion-list-query';

/** Name matches looked up in OpenCart before the suggestions are filtered by them. */
const NAME_MATCH_LIMIT = 1_000;

export type SuggestionListRow = {
  productId: number;
  name: string | null;
  model: string | null;
  status: SuggestionStatus;
  objective: 'profit' | 'revenue';
  currentPriceGross: string;
  suggestedPriceGross: string | null;
  unitsCurrent: number;
  unitsSuggested: number;
  revenueDelta: string;
  profitDelta: string | null;
  confidence: SuggestionConfidence;
  elasticity: number;
  elasticitySource: 'own' | 'category' | 'prior';
  backtestMase: number | null;
  backtestMape: number | null;
  computedAt: Date;
};

export type SuggestionList = { rows: SuggestionListRow[]; total: number; page: number; pageCount: number; lastComputedAt: Date | null };

async function productIdsMatching(shop: TenantDb, languageId: number, q: string): Promise<number[]> {
  const { product: p, productDescription: pd } = shop.oc;
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await shop.db
    .select({ id: p.productId })
    .from(p)
    .innerJoin(pd, and(eq(pd.productId, p.productId), eq(pd.languageId, languageId)))
    .where(or(like(pd.name, pattern), like(p.model, pattern), like(p.sku, pattern)))
    .limit(NAME_MATCH_LIMIT);
  const asId = Number(q);
  return [...rows.map((r) => r.id), ...(Number.isInteger(asId) && asId > 0 ? [asId] : [])];
}

/** A page of the tenant's suggestions, largest expected gain first by default, with OpenCart's names. */
export async function listSuggestions(db: Db, shop: TenantDb, languageId: number, query: SuggestionListQuery): Promise<SuggestionList> {
  const s = priceSuggestions;
  const conditions: SQL[] = [eq(s.tenantId, shop.tenant.id)];
  if (query.status !== 'all') conditions.push(eq(s.status, query.status));
  if (query.confidence) conditions.push(eq(s.confidence, query.confidence));
  if (query.q) {
    const ids = await productIdsMatching(shop, languageId, query.q);
    if (ids.length === 0) return { rows: [], total: 0, page: 1, pageCount: 1, lastComputedAt: null };
    conditions.push(inArray(s.ocProductId, ids));
  }
  const where = and(...conditions);
  const order = query.dir === 'asc' ? asc : desc;
  const sortColumn = {
    gain: s.gain,
    revenue: s.revenueDelta,
    change: sql`(${s.suggestedPriceGross} - ${s.currentPriceGross}) / ${s.currentPriceGross}`,
    product: s.ocProductId,
  }[query.sort];

  const [[count], [latest]] = await Promise.all([
    db.select({ n: sql<string>`COUNT(*)` }).from(s).where(where),
    db.select({ at: sql<string | null>`MAX(${s.computedAt})` }).from(s).where(eq(s.tenantId, shop.tenant.id)),
  ]);
  const total = Number(count?.n ?? 0);
  const pageCount = Math.max(1, Math.ceil(total / SUGGESTION_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const rows = await db
    .select()
    .from(s)
    .where(where)
    .orderBy(order(sortColumn), asc(s.ocProductId))
    .limit(SUGGESTION_PAGE_SIZE)
    .offset((page - 1) * SUGGESTION_PAGE_SIZE);

  const names = new Map<number, { name: string; model: string }>();
  if (rows.length > 0) {
    const { product: p, productDescription: pd } = shop.oc;
    const found = await shop.db
      .select({ id: p.productId, name: pd.name, model: p.model })
      .from(p)
      .leftJoin(pd, and(eq(pd.productId, p.productId), eq(pd.languageId, languageId)))
      .where(inArray(p.productId, rows.map((r) => r.ocProductId)));
    // OpenCart stores names HTML-escaped (`30&quot;`).
    for (const f of found) names.set(f.id, { name: decodeHtmlEntities(f.name ?? ''), model: decodeHtmlEntities(f.model) });
  }
  return {
    rows: rows.map((r) => ({
      productId: r.ocProductId,
      name: names.get(r.ocProductId)?.name || null,
      model: names.get(r.ocProductId)?.model ?? null,
      status: r.status,
      objective: r.objective,
      currentPriceGross: r.currentPriceGross,
      suggestedPriceGross: r.suggestedPriceGross,
      unitsCurrent: r.unitsCurrent,
      unitsSuggested: r.unitsSuggested,
      revenueDelta: r.revenueDelta,
      profitDelta: r.profitDelta,
      confidence: r.confidence,
      elasticity: r.elasticity,
      elasticitySource: r.elasticitySource,
      backtestMase: r.backtestMase,
      backtestMape: r.backtestMape,
      computedAt: r.computedAt,
    })),
    total,
    page,
    pageCount,
    lastComputedAt: latest?.at ? new Date(`${latest.at.replace(' ', 'T')}Z`) : null,
  };
}
