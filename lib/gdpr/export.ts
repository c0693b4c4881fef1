import { and, desc, eq, isNull, lte } from 'drizzle-orm';
import { strToU8, zipSync } from 'fflate';
import type { Db } from '@/lib/db/pool';
import { gdprExports } from '@/lib/db/schema';
import { ServiceError } from '@/lib/errors/service-error';
import { takeGdprExportQuota } from '@/lib/quotas/gdpr-export-quota';
import type { TenantDb } from '@/lib/tenants/tenant-db';
import { collectPersonRows, findPersonKeys, type PersonTableRows } from './find-person';
import { exportReadme } from './export-readme';
import { markInProgress, getRequest } from './requests';
import { recordRequestEvent, type GdprWriteContext } from './request-context';

/** How long the admin can download an export before it is deleted. */
export const EXPORT_KEPT_MS = 7 * 24 * 60 * 60_000;

/** The ZIP: one JSON file per table (empty tables too, so the person sees where we looked) and a README. */
export function buildExportZip(tables: PersonTableRows[], language: 'en' | 'tr', meta: { shop: string; requestId: number; createdAt: Date }): Uint8Array {
  const files: Record<string, Uint8Array> = {
    'README.txt': strToU8(exportReadme(language, { ...meta, tables: tables.map((t) => ({ table: t.table, rows: t.rows.length })) })),
  };
  for (const t of tables) files[`${t.table}.json`] = strToU8(JSON.stringify(t.rows, null, 2));
  return zipSync(files, { level: 6, mtime: meta.createdAt });
}

/**
 * Builds the export of a request's person and keeps it for 7 days. Counts against the tenant's exports
 * per day (quota); the export itself is on the request's trail and in the audit log.
 */
export async function createExport(mainDb: Db, shop: TenantDb, requestId: number, ctx: GdprWriteContext, now = new Date()) {
  const request = await getRequest(mainDb, shop.tenant.id, requestId);
  if (!request.identityVerifiedAt) throw new ServiceError('CONFLICT', `Request ${requestId} has no verified identity`);
  if (request.status === 'completed' || request.status === 'rejected') throw new ServiceError('CONFLICT', `Request ${requestId} is closed`);
  await takeGdprExportQuota(mainDb, shop.tenant.id, now);
  const keys = await findPersonKeys(shop, { email: request.email, customerId: request.customerId, orderId: request.orderId });
  const tables = await collectPersonRows(shop, mainDb, keys);
  const zip = buildExportZip(tables, request.language, { shop: shop.tenant.name, requestId, createdAt: now });
  const rowCount = tables.reduce((n, t) => n + t.rows.length, 0);
  const [row] = await mainDb
    .insert(gdprExports)
    .values({
      tenantId: shop.tenant.id,
      requestId,
      file: Buffer.from(zip),
      bytes: zip.byteLength,
      tableCount: tables.length,
      rowCount,
      createdBy: ctx.actor.username.slice(0, 64),
      createdAt: now,
      expiresAt: new Date(now.getTime() + EXPORT_KEPT_MS),
    })
    .$returningId();
  await markInProgress(mainDb, requestId);
  await recordRequestEvent(mainDb, { tenantId: shop.tenant.id, requestId, action: 'exported', after: { exportId: row!.id, rowCount, tables: tables.length, bytes: zip.byteLength } }, ctx);
  return { id: row!.id, rowCount, bytes: zip.byteLength };
}

export async function listExports(db: Db, tenantId: number, requestId: number) {
  return db
    .select({ id: gdprExports.id, bytes: gdprExports.bytes, rowCount: gdprExports.rowCount, tableCount: gdprExports.tableCount, createdAt: gdprExports.createdAt, expiresAt: gdprExports.expiresAt, deletedAt: gdprExports.deletedAt, createdBy: gdprExports.createdBy })
    .from(gdprExports)
    .where(and(eq(gdprExports.tenantId, tenantId), eq(gdprExports.requestId, requestId)))
    .orderBy(desc(gdprExports.id));
}

/** The ZIP for download: NOT_FOUND for another tenant's export, CONFLICT once it expired and was (or is to be) deleted. */
export async function readExportFile(db: Db, tenantId: number, exportId: number, ctx: GdprWriteContext, now = new Date()) {
  const [row] = await db.select().from(gdprExports).where(and(eq(gdprExports.id, exportId), eq(gdprExports.tenantId, tenantId)));
  if (!row) throw new ServiceError('NOT_FOUND', `Export ${exportId} not found for tenant ${tenantId}`);
  if (!row.file || row.deletedAt || row.expiresAt.getTime() <= now.getTime()) throw new ServiceError('CONFLICT', `Export ${exportId} has expired`);
  await recordRequestEvent(db, { tenantId, requestId: row.requestId, action: 'export_downloaded', after: { exportId } }, ctx);
  return { file: row.file, requestId: row.requestId, createdAt: row.createdAt };
}

/** Deletes the files of exports past their 7 days (the row stays, as the record that an export was made). */
export async function deleteExpiredExports(db: Db, tenantId: number, now = new Date()): Promise<number> {
  const [result] = await db
    .update(gdprExports)
    .set({ file: null, deletedAt: now })
    .where(and(eq(gdprExports.tenantId, tenantId), lte(gdprExports.expiresAt, now), isNull(gdprExports.deletedAt)));
  return result.affectedRows;
}
