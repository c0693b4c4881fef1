import { z } from 'zod';

/** A backup as the page shows it and app/api/backups sends it (dates as ISO strings). */
export const backupViewSchema = z.object({
  id: z.number(),
  kind: z.enum(['manual', 'scheduled']),
  status: z.enum(['running', 'good', 'bad', 'failed', 'restored-and-verified']),
  encrypted: z.boolean(),
  bytes: z.number(),
  tablesTotal: z.number(),
  tablesDone: z.number(),
  rowsDone: z.number(),
  error: z.string().nullable(),
  requestedBy: z.string(),
  startedAt: z.string(),
  durationMs: z.number().nullable(),
  hasFile: z.boolean(),
  restore: z
    .object({
      id: z.number(),
      status: z.enum(['running', 'verified', 'mismatch', 'failed']),
      targetDatabase: z.string(),
      overOwn: z.boolean(),
      tablesTotal: z.number(),
      tablesDone: z.number(),
      rowsTotal: z.number(),
      rowsDone: z.number(),
      error: z.string().nullable(),
    })
    .nullable(),
});
export type BackupView = z.infer<typeof backupViewSchema>;

export const backupsPageSchema = z.object({ items: z.array(backupViewSchema), total: z.number(), page: z.number(), pageCount: z.number() });
export type BackupsPage = z.infer<typeof backupsPageSchema>;

/** Whether the page should keep polling: a backup or a restore is still running. */
export function hasRunningWork(page: BackupsPage): boolean {
  return page.items.some((b) => b.status === 'running' || b.restore?.status === 'running');
}
