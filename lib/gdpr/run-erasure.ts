import { and, eq, getTableColumns, inArray } from 'drizzle-orm';
import type { MySqlColumn } from 'drizzle-orm/mysql-core';
import type { Db } from '@/lib/db/pool';
import { gdprErasures, gdprErasureSteps, gdprRequests } from '@/lib/db/schema';
import { ServiceError } from '@/lib/errors/service-error';
import { JobLock, jobLockName } from '@/lib/jobs/job-lock';
import type { TenantDb } from '@/lib/tenants/tenant-db';
import { buildErasurePlan, erasurePlanSchema, type ErasurePlan, type ErasureStep } from './erasure-plan';
import { findPersonKeys, personTablesFor } from './find-person';
import { syncOpenCartGdprStatus } from './opencart-gdpr-sync';
import { realTableName, type PersonTable } from './person-tables';
import { recordRequestEvent, type GdprWriteContext } from './request-context';
import { getRequest } from './requests';
import { getGdprSettings } from './settings';
import { readShopSchema, type ShopSchema } from './shop-schema';
import { newPseudonym } from './subject';

export type ErasureReportLine = { key: string; table: string; action: 'delete' | 'anonymise'; planned: number; affected: number | null };
export type ErasureReport = { requestId: number; pseudonym: string; status: 'running' | 'completed'; lines: ErasureReportLine[]; finishedAt: Date | null };

/** Test seam: called after a step ran and before its marker is written (a crash there repeats the step). */
export type ErasureHooks = { afterStep?: (step: ErasureStep) => void | Promise<void> };

export type ErasureInput = { shop: TenantDb; mainDb: Db; mainDatabaseUrl: string; requestId: number };

async function loadPlan(db: Db, requestId: number): Promise<{ plan: ErasurePlan; status: 'running' | 'completed'; finishedAt: Date | null } | null> {
  const [row] = await db.select().from(gdprErasures).where(eq(gdprErasures.requestId, requestId));
  if (!row) return null;
  return { plan: erasurePlanSchema.parse(row.plan), status: row.status, finishedAt: row.finishedAt };
}

/**
 * Writes the plan once; a second call (a retry, a double click) finds the first plan and keeps it, so the
 * pseudonym and the captured rows never change between attempts.
 */
async function ensurePlan(input: ErasureInput, ctx: GdprWriteContext): Promise<ErasurePlan> {
  const { mainDb, shop, requestId } = input;
  const existing = await loadPlan(mainDb, requestId);
  if (existing) return existing.plan;
  const request = await getRequest(mainDb, shop.tenant.id, requestId);
  const keys = await findPersonKeys(shop, { email: request.email, customerId: request.customerId, orderId: request.orderId });
  const plan = await buildErasurePlan(shop, mainDb, keys, await getGdprSettings(mainDb, shop.tenant.id), newPseudonym());
  await mainDb.insert(gdprErasures).values({ requestId, tenantId: shop.tenant.id, plan }).onDuplicateKeyUpdate({ set: { requestId } });
  await mainDb.update(gdprRequests).set({ status: 'in_progress', updatedAt: new Date() }).where(eq(gdprRequests.id, requestId));
  await recordRequestEvent(mainDb, { tenantId: shop.tenant.id, requestId, action: 'erasure_planned', after: { steps: plan.steps.length } }, ctx);
  return (await loadPlan(mainDb, requestId))!.plan;
}

/** The anonymised values for the columns this shop's table has (OpenCart 4 dropped some of 3.0's, such as fax). */
function existingColumnsOnly(t: PersonTable, values: Record<string, unknown>, schema: ShopSchema | null): Record<string, unknown> {
  if (!schema) return values;
  const present = schema.get(realTableName(t));
  const columns = getTableColumns(t.table) as Record<string, MySqlColumn>;
  return Object.fromEntries(Object.entries(values).filter(([key]) => present?.has((columns[key]?.name ?? key).toLowerCase())));
}

async function runStep(input: ErasureInput, t: PersonTable, step: ErasureStep, pseudonym: string, schema: ShopSchema): Promise<number> {
  const db = t.database === 'shop' ? input.shop.db : input.mainDb;
  const where = inArray(t.idColumn, step.ids);
  if (step.action === 'delete') {
    const [result] = await db.delete(t.table).where(where);
    return result.affectedRows;
  }
  if (!t.anonymise) throw new Error(`${t.key} has no anonymisation`);
  const values = existingColumnsOnly(t, t.anonymise(pseudonym), t.database === 'shop' ? schema : null);
  const [result] = await db.update(t.table).set(values as never).where(where);
  return result.affectedRows;
}

/**
 * Runs (or resumes) the erasure of a request's person. OpenCart 3's tables are MyISAM, so nothing here can
 * be rolled back: each step is idempotent (a DELETE or an UPDATE to fixed values of rows chosen by id)
 * and a marker row is written after it. A crash anywhere leaves the plan and the markers; calling this
 * again skips the marked steps, repeats at most the one that was running, and ends in the same state.
 * One run at a time per request (a GET_LOCK held on its own connection).
 */
export async function runErasure(input: ErasureInput, ctx: GdprWriteContext, hooks: ErasureHooks = {}): Promise<ErasureReport> {
  const { mainDb, shop, requestId } = input;
  const request = await getRequest(mainDb, shop.tenant.id, requestId);
  if (request.type !== 'erasure') throw new ServiceError('CONFLICT', `Request ${requestId} is not an erasure request`);
  if (request.status === 'rejected') throw new ServiceError('CONFLICT', `Request ${requestId} was rejected`);
  if (!request.identityVerifiedAt) throw new ServiceError('CONFLICT', `Request ${requestId} has no verified identity`);
  const lock = await JobLock.tryAcquire(input.mainDatabaseUrl, jobLockName(input.mainDatabaseUrl, 'gdpr-erasure', requestId));
  if (!lock) throw new ServiceError('CONFLICT', `The erasure of request ${requestId} is already running`);
  try {
    const plan = await ensurePlan(input, ctx);
    const tables = new Map((await personTablesFor(shop)).map((t) => [t.key, t]));
    const schema = await readShopSchema(shop.db);
    const done = new Set(
      (await mainDb.select({ step: gdprErasureSteps.step }).from(gdprErasureSteps).where(eq(gdprErasureSteps.requestId, requestId))).map((r) => r.step),
    );
    for (const step of plan.steps) {
      if (done.has(step.id)) continue;
      const t = tables.get(step.key);
      if (!t) throw new Error(`Erasure step ${step.id}: table ${step.key} is gone from this shop`);
      const affected = await runStep(input, t, step, plan.pseudonym, schema);
      await hooks.afterStep?.(step);
      await mainDb.insert(gdprErasureSteps).values({ requestId, step: step.id, affected }).onDuplicateKeyUpdate({ set: { step: step.id } });
    }
    const now = new Date();
    await mainDb.update(gdprErasures).set({ status: 'completed', finishedAt: now }).where(and(eq(gdprErasures.requestId, requestId), eq(gdprErasures.status, 'running')));
    const [closed] = await mainDb
      .update(gdprRequests)
      .set({ status: 'completed', closedAt: now, updatedAt: now })
      .where(and(eq(gdprRequests.id, requestId), eq(gdprRequests.status, 'in_progress')));
    if (closed.affectedRows > 0) {
      await syncOpenCartGdprStatus(shop, request.ocGdprId, 'completed');
      await recordRequestEvent(mainDb, { tenantId: shop.tenant.id, requestId, action: 'erasure_completed', after: { steps: plan.steps.length } }, ctx);
    }
    return (await getErasureReport(mainDb, shop, requestId))!;
  } finally {
    await lock.release();
  }
}

/** The report of a request's erasure (null before one was planned): each table, the rows planned and changed. */
export async function getErasureReport(mainDb: Db, shop: TenantDb, requestId: number): Promise<ErasureReport | null> {
  await getRequest(mainDb, shop.tenant.id, requestId);
  const loaded = await loadPlan(mainDb, requestId);
  if (!loaded) return null;
  const markers = new Map(
    (await mainDb.select().from(gdprErasureSteps).where(eq(gdprErasureSteps.requestId, requestId))).map((r) => [r.step, r.affected]),
  );
  const names = new Map((await personTablesFor(shop)).map((t) => [t.key, t]));
  const lines = loaded.plan.steps.map((s) => ({
    key: s.key,
    table: names.get(s.key) ? realTableName(names.get(s.key)!) : s.key,
    action: s.action,
    planned: s.planned,
    affected: markers.get(s.id) ?? null,
  }));
  return { requestId, pseudonym: loaded.plan.pseudonym, status: loaded.status, lines, finishedAt: loaded.finishedAt };
}

