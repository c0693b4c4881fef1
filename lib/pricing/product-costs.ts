import { and, eq, inArray, sql } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { Db, DbOrTx } from '@/lib/db/pool';
import { productCosts } from '@/lib/db/schema';
import { writeAudit, type AuditEntry } from '@/lib/audit/write-audit';
import { ServiceError } from '@/lib/errors/service-error';
import type { TenantDb } from '@/lib/tenants/tenant-db';

export const MAX_COST_CSV_BYTES = 2_000_000;
export const MAX_COST_CSV_ROWS = 50_000;
const UPSERT_CHUNK = 1_000;

const costSchema = z
  .string()
  .trim()
  .transform((v) => v.replace(',', '.'))
  .pipe(z.string().regex(/^\d{1,11}(\.\d{1,4})?$/, 'a cost like 12.50: a number ≥ 0 with at most four decimals'));

export const setProductCostSchema = z.object({ productId: z.coerce.number().int().positive(), cost: costSchema });

export type CostContext = { shop: TenantDb; actor: AuditEntry['actor']; request?: AuditEntry['request'] };

async function existingProducts(shop: TenantDb, ids: readonly number[]): Promise<Set<number>> {
  const found = new Set<number>();
  const { product: p, productToStore: pts } = shop.oc;
  for (let i = 0; i < ids.length; i += UPSERT_CHUNK) {
    const rows = await shop.db
      .select({ id: p.productId })
      .from(p)
      .innerJoin(pts, and(eq(pts.productId, p.productId), eq(pts.storeId, shop.tenant.storeId)))
      .where(inArray(p.productId, ids.slice(i, i + UPSERT_CHUNK)));
    for (const r of rows) found.add(r.id);
  }
  return found;
}

async function upsertCosts(db: DbOrTx, tenantId: number, username: string, rows: Array<{ productId: number; cost: string }>) {
  for (let i = 0; i < rows.length; i += UPSERT_CHUNK) {
    await db
      .insert(productCosts)
      .values(rows.slice(i, i + UPSERT_CHUNK).map((r) => ({ tenantId, ocProductId: r.productId, cost: r.cost, updatedBy: username.slice(0, 64), updatedAt: new Date() })))
      .onDuplicateKeyUpdate({ set: { cost: sql`VALUES(cost)`, updatedBy: sql`VALUES(updated_by)`, updatedAt: sql`VALUES(updated_at)` } });
  }
}

/** An admin sets one product's cost (net of tax), audited in the same transaction. */
export async function setProductCost(db: Db, input: unknown, ctx: CostContext): Promise<{ productId: number; cost: string }> {
  const parsed = setProductCostSchema.safeParse(input);
  if (!parsed.success) throw new ServiceError('BAD_REQUEST', parsed.error.issues.map((i) => i.message).join('; '));
  const { productId, cost } = parsed.data;
  if (!(await existingProducts(ctx.shop, [productId])).has(productId)) throw new ServiceError('NOT_FOUND', `Product ${productId} is not in this shop.`);
  await db.transaction(async (tx) => {
    const [before] = await tx.select({ cost: productCosts.cost }).from(productCosts).where(and(eq(productCosts.tenantId, ctx.shop.tenant.id), eq(productCosts.ocProductId, productId)));
    await upsertCosts(tx, ctx.shop.tenant.id, ctx.actor.username, [{ productId, cost }]);
    await writeAudit(tx, { action: 'pricing.cost_set', actor: ctx.actor, tenantId: ctx.shop.tenant.id, target: { type: 'oc_product', id: productId }, before: before ?? null, after: { cost }, request: ctx.request });
  });
  return { productId, cost };
}

export type CostRowReport = { line: number; productId: number | null; cost: string | null; ok: boolean; message: string | null };
export type CostImportReport = { rows: CostRowReport[]; imported: number; refused: number };

const headerSchema = z.object({ product_id: z.string(), cost: z.string() });

/**
 * Costs from a CSV with the columns `product_id` and `cost` (comma or semicolon separated, a decimal
 * comma allowed). Every row is checked and reported; the valid ones are written, the others are not.
 */
export async function importCostsCsv(db: Db, text: string, ctx: CostContext): Promise<CostImportReport> {
  if (Buffer.byteLength(text, 'utf8') > MAX_COST_CSV_BYTES) throw new ServiceError('BAD_REQUEST', `The file is over ${MAX_COST_CSV_BYTES} bytes.`);
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes(';') ? ';' : ',';
  let records: Array<Record<string, string>>;
  try {
    records = parse(text, { columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()), delimiter, skip_empty_lines: true, trim: true, bom: true });
  } catch (err) {
    throw new ServiceError('BAD_REQUEST', `The file is not valid CSV: ${(err as Error).message}`, { cause: err });
  }
  if (records.length === 0 || !headerSchema.safeParse(records[0]).success) {
    throw new ServiceError('BAD_REQUEST', 'The first line must name the columns product_id and cost.');
  }
  if (records.length > MAX_COST_CSV_ROWS) throw new ServiceError('BAD_REQUEST', `The file has more than ${MAX_COST_CSV_ROWS} rows.`);

  const ids = records.map((r) => z.coerce.number().int().positive().safeParse(r.product_id)).map((p) => (p.success ? p.data : null));
  const known = await existingProducts(ctx.shop, [...new Set(ids.filter((id): id is number => id !== null))]);
  const seen = new Set<number>();
  const rows: CostRowReport[] = records.map((record, i) => {
    const line = i + 2;
    const productId = ids[i] ?? null;
    const cost = costSchema.safeParse(record.cost ?? '');
    const refuse = (message: string): CostRowReport => ({ line, productId, cost: record.cost ?? null, ok: false, message });
    if (productId === null) return refuse('product_id is not a product number');
    if (!known.has(productId)) return refuse(`product ${productId} is not in this shop`);
    if (seen.has(productId)) return refuse(`product ${productId} is listed twice; the first row counts`);
    seen.add(productId);
    if (!cost.success) return refuse(cost.error.issues[0]?.message ?? 'not a cost');
    return { line, productId, cost: cost.data, ok: true, message: null };
  });
  const valid = rows.filter((r) => r.ok).map((r) => ({ productId: r.productId!, cost: r.cost! }));
  await db.transaction(async (tx) => {
    await upsertCosts(tx, ctx.shop.tenant.id, ctx.actor.username, valid);
    await writeAudit(tx, {
      action: 'pricing.cost_import',
      actor: ctx.actor,
      tenantId: ctx.shop.tenant.id,
      target: { type: 'msc_product_cost', id: 'csv' },
      after: { imported: valid.length, refused: rows.length - valid.length },
      request: ctx.request,
    });
  });
  return { rows, imported: valid.length, refused: rows.length - valid.length };
}
