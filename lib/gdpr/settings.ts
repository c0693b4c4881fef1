import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/lib/db/pool';
import { gdprSettings } from '@/lib/db/schema';
import { writeAudit } from '@/lib/audit/write-audit';
import type { GdprWriteContext } from './request-context';

/** Turkish commercial code (TTK art. 82) and tax procedure law keep books and invoices 10 years. */
export const DEFAULT_RETENTION_YEARS = 10;

export type GdprTenantSettings = { orderRetentionYears: number; returnRetentionYears: number; inactiveCustomerMonths: number | null };

export async function getGdprSettings(db: DbOrTx, tenantId: number): Promise<GdprTenantSettings> {
  const [row] = await db.select().from(gdprSettings).where(eq(gdprSettings.tenantId, tenantId));
  return {
    orderRetentionYears: row?.orderRetentionYears ?? DEFAULT_RETENTION_YEARS,
    returnRetentionYears: row?.returnRetentionYears ?? DEFAULT_RETENTION_YEARS,
    inactiveCustomerMonths: row?.inactiveCustomerMonths ?? null,
  };
}

const optionalMonths = z.preprocess((v) => (v === '' || v === null ? null : v), z.coerce.number().int().min(6).max(240).nullable());

export const gdprSettingsInputSchema = z.object({
  orderRetentionYears: z.coerce.number().int().min(1).max(30),
  returnRetentionYears: z.coerce.number().int().min(1).max(30),
  inactiveCustomerMonths: optionalMonths,
});

export async function updateGdprSettings(db: DbOrTx, tenantId: number, input: z.output<typeof gdprSettingsInputSchema>, ctx: GdprWriteContext) {
  const before = await getGdprSettings(db, tenantId);
  await db
    .insert(gdprSettings)
    .values({ tenantId, ...input })
    .onDuplicateKeyUpdate({ set: { ...input, updatedAt: new Date() } });
  await writeAudit(db, { action: 'gdpr.settings', actor: ctx.actor, tenantId, target: { type: 'gdpr_settings', id: tenantId }, before, after: input, request: ctx.request });
  return input;
}
