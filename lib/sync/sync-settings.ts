import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/lib/db/pool';
import { syncSettings } from '@/lib/db/schema';
import { writeAudit, type AuditEntry } from '@/lib/audit/write-audit';
import { ServiceError } from '@/lib/errors/service-error';

/** Without a row of its own a tenant holds back price changes of more than 30%. */
export const DEFAULT_PRICE_CHANGE_THRESHOLD_PCT = '30.00';
const MAX_THRESHOLD_PCT = 1000;

export type SyncSettings = {
  /** Percent, as a decimal string ("30.00"). */
  priceChangeThresholdPct: string;
};

export const syncSettingsInputSchema = z.object({
  priceChangeThresholdPct: z
    .union([z.number(), z.string()])
    .transform((v) => String(v).trim())
    .pipe(z.string().regex(/^\d{1,4}(\.\d{1,2})?$/, 'a percentage with at most two decimals'))
    .refine((v) => Number(v) > 0 && Number(v) <= MAX_THRESHOLD_PCT, `between 0 and ${MAX_THRESHOLD_PCT}`)
    .transform((v) => Number(v).toFixed(2)),
});
export type SyncSettingsInput = z.input<typeof syncSettingsInputSchema>;

export async function getSyncSettings(db: DbOrTx, tenantId: number): Promise<SyncSettings> {
  const [row] = await db
    .select({ priceChangeThresholdPct: syncSettings.priceChangeThresholdPct })
    .from(syncSettings)
    .where(eq(syncSettings.tenantId, tenantId));
  return { priceChangeThresholdPct: row?.priceChangeThresholdPct ?? DEFAULT_PRICE_CHANGE_THRESHOLD_PCT };
}

/** Changes the tenant's sync rules, with its audit row in the same transaction. */
export async function updateSyncSettings(
  db: DbOrTx,
  tenantId: number,
  input: SyncSettingsInput,
  ctx: { actor: AuditEntry['actor']; request?: AuditEntry['request'] },
): Promise<SyncSettings> {
  const parsed = syncSettingsInputSchema.safeParse(input);
  if (!parsed.success) throw new ServiceError('BAD_REQUEST', parsed.error.issues.map((i) => i.message).join('; '));
  const threshold = parsed.data.priceChangeThresholdPct;
  return db.transaction(async (tx) => {
    const before = await getSyncSettings(tx, tenantId);
    await tx
      .insert(syncSettings)
      .values({ tenantId, priceChangeThresholdPct: threshold, updatedBy: ctx.actor.username.slice(0, 64), updatedAt: new Date() })
      .onDuplicateKeyUpdate({
        set: { priceChangeThresholdPct: threshold, updatedBy: ctx.actor.username.slice(0, 64), updatedAt: new Date() },
      });
    await writeAudit(tx, {
      action: 'sync_settings.update',
      actor: ctx.actor,
      tenantId,
      target: { type: 'msc_sync_settings', id: tenantId },
      before,
      after: { priceChangeThresholdPct: threshold },
      request: ctx.request,
    });
    return { priceChangeThresholdPct: threshold };
  });
}
