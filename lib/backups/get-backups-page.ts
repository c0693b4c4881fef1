import { z } from 'zod';
import type { Db } from '@/lib/db/pool';
import type { BackupsPage } from './backup-view';
import { BACKUPS_PER_PAGE, listBackupsForTenant } from './list-backups';

/** One page of the tenant's backups, shaped for the page and its live refresh. */
export async function getBackupsPage(db: Db, tenantId: number, page: number): Promise<BackupsPage> {
  const { items, total } = await listBackupsForTenant(db, tenantId, page);
  return {
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / BACKUPS_PER_PAGE)),
    items: items.map((b) => ({
      id: b.id,
      kind: b.kind,
      status: b.displayStatus,
      encrypted: b.encrypted,
      bytes: b.bytes,
      tablesTotal: b.tablesTotal,
      tablesDone: b.tablesDone,
      rowsDone: b.rowsDone,
      error: b.error,
      requestedBy: b.requestedBy,
      startedAt: b.startedAt.toISOString(),
      durationMs: b.durationMs,
      hasFile: b.fileName !== '',
      restore: b.latestRestore
        ? {
            id: b.latestRestore.id,
            status: b.latestRestore.status,
            targetDatabase: b.latestRestore.targetDatabase,
            overOwn: b.latestRestore.overOwn,
            tablesTotal: b.latestRestore.tablesTotal,
            tablesDone: b.latestRestore.tablesDone,
            rowsTotal: b.latestRestore.rowsTotal,
            rowsDone: b.latestRestore.rowsDone,
            error: b.latestRestore.error,
          }
        : null,
    })),
  };
}


/** `?page=N` of the page and of app/api/backups; anything else is page 1. */
export const backupsPageParamSchema = z.coerce.number().int().min(1).max(100_000).catch(1);
