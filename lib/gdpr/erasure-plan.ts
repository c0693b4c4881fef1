import { and, inArray, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/lib/db/pool';
import type { TenantDb } from '@/lib/tenants/tenant-db';
import { addMonths } from './deadlines';
import { personTablesFor } from './find-person';
import type { PersonKeys, PersonTable } from './person-tables';
import type { GdprTenantSettings } from './settings';

export const erasureStepSchema = z.object({
  /** `<table key>:<action>`: the step's marker name. */
  id: z.string(),
  key: z.string(),
  action: z.enum(['delete', 'anonymise']),
  /** Values of the table's id column captured at planning: the step touches these rows and no others. */
  ids: z.array(z.union([z.number(), z.string()])),
  /** Rows found at planning: what the report lists (a repeated step after a crash may change fewer). */
  planned: z.number(),
});
export type ErasureStep = z.infer<typeof erasureStepSchema>;

export const erasurePlanSchema = z.object({ pseudonym: z.string(), steps: z.array(erasureStepSchema) });
export type ErasurePlan = z.infer<typeof erasurePlanSchema>;

function step(key: string, action: 'delete' | 'anonymise', ids: Array<number | string>, planned: number): ErasureStep {
  return { id: `${key}:${action}`, key, action, ids, planned };
}

async function idsAndCount(db: DbOrTx, t: PersonTable, keys: PersonKeys): Promise<{ ids: Array<number | string>; rows: number }> {
  const where = t.where(keys);
  if (!where) return { ids: [], rows: 0 };
  const rows = await db.select({ id: t.idColumn }).from(t.table).where(where);
  const ids = [...new Set(rows.map((r) => r.id as number | string))];
  return { ids, rows: rows.length };
}

/** Orders (and returns) past their retention period: nothing requires keeping them any longer, so they go. */
async function expiredOrderIds(shop: TenantDb, orderIds: number[], years: number, now: Date): Promise<number[]> {
  if (orderIds.length === 0) return [];
  const cutoff = addMonths(now, -12 * years).toISOString().slice(0, 19).replace('T', ' ');
  const rows = await shop.db
    .select({ id: shop.oc.order.orderId })
    .from(shop.oc.order)
    .where(and(inArray(shop.oc.order.orderId, orderIds), lt(shop.oc.order.dateAdded, cutoff)));
  return rows.map((r) => r.id);
}

async function expiredReturnIds(shop: TenantDb, returnIds: number[], years: number, now: Date): Promise<number[]> {
  if (returnIds.length === 0) return [];
  const cutoff = addMonths(now, -12 * years).toISOString().slice(0, 19).replace('T', ' ');
  const rows = await shop.db
    .select({ id: shop.oc.return.returnId })
    .from(shop.oc.return)
    .where(and(inArray(shop.oc.return.returnId, returnIds), lt(shop.oc.return.dateAdded, cutoff)));
  return rows.map((r) => r.id);
}

const ORDER_CHILDREN = new Set(['order_product', 'order_option', 'order_total', 'order_history']);

/**
 * The ordered, idempotent steps of one person's erasure, with every row id captured now: once the account
 * row is deleted nothing could find the rest again, and a resumed run must touch exactly the same rows.
 */
export async function buildErasurePlan(
  shop: TenantDb,
  mainDb: DbOrTx,
  keys: PersonKeys,
  settings: GdprTenantSettings,
  pseudonym: string,
  now = new Date(),
): Promise<ErasurePlan> {
  const tables = await personTablesFor(shop);
  const expiredOrders = await expiredOrderIds(shop, keys.orderIds, settings.orderRetentionYears, now);
  const steps: ErasureStep[] = [];
  for (const t of tables) {
    const db = t.database === 'shop' ? shop.db : mainDb;
    if (ORDER_CHILDREN.has(t.key)) {
      const { ids, rows } = await idsAndCount(db, t, { ...keys, orderIds: expiredOrders });
      if (ids.length > 0) steps.push(step(t.key, 'delete', ids, rows));
      continue;
    }
    if (t.erasure === 'keep') continue;
    const { ids, rows } = await idsAndCount(db, t, keys);
    if (ids.length === 0) continue;
    if (t.erasure === 'delete') {
      steps.push(step(t.key, 'delete', ids, rows));
      continue;
    }
    const expired =
      t.key === 'order' ? expiredOrders : t.key === 'return' ? await expiredReturnIds(shop, ids as number[], settings.returnRetentionYears, now) : [];
    const kept = ids.filter((id) => !expired.includes(id as number));
    if (expired.length > 0) steps.push(step(t.key, 'delete', expired, expired.length));
    if (kept.length > 0) steps.push(step(t.key, 'anonymise', kept, kept.length));
  }
  return { pseudonym, steps };
}

/** Rows a plan's step would touch right now (0 once a delete step has run). */
export async function countStepRows(db: DbOrTx, t: PersonTable, s: ErasureStep): Promise<number> {
  const [row] = await db.select({ n: sql<number>`COUNT(*)` }).from(t.table).where(inArray(t.idColumn, s.ids));
  return Number(row?.n ?? 0);
}
