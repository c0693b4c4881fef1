import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '@/lib/db/pool';
import { gdprRequests } from '@/lib/db/schema';
import type { TenantDb } from '@/lib/tenants/tenant-db';
import { findOpenCartGdprTable, OC_GDPR_STATUS } from './opencart-gdpr-table';
import { recordRequestEvent, type GdprWriteContext } from './request-context';
import { createRequest } from './requests';
import { subjectEmailSchema } from './subject';

const OPENCART_ACTOR: GdprWriteContext = { actor: { userId: null, username: 'opencart-gdpr' } };

/** Tells OpenCart 4's own list that a mirrored request is done or denied; a no-op on OpenCart 3 (no oc_gdpr). */
export async function syncOpenCartGdprStatus(shop: TenantDb, ocGdprId: number | null, outcome: 'completed' | 'rejected'): Promise<void> {
  if (ocGdprId === null) return;
  const table = await findOpenCartGdprTable(shop.db, shop.tenant.prefix);
  if (!table) return;
  const status = outcome === 'completed' ? OC_GDPR_STATUS.complete : OC_GDPR_STATUS.denied;
  await shop.db.update(table).set({ status }).where(eq(table.gdprId, ocGdprId));
}

export type OpenCartGdprImport = { table: 'absent' | 'present'; imported: number; verified: number; skipped: number };

/**
 * Reads the storefront's requests from OpenCart 4's oc_gdpr into our list and keeps them in step: a new row
 * becomes a request (`export` → access, `remove` → erasure); once the person clicked OpenCart's email link
 * (status 1 or more) the request counts as verified by that link. Denied rows (-1) are left out. On
 * OpenCart 3 there is no oc_gdpr and this does nothing.
 */
export async function importOpenCartGdprRequests(shop: TenantDb, mainDb: Db): Promise<OpenCartGdprImport> {
  const table = await findOpenCartGdprTable(shop.db, shop.tenant.prefix);
  if (!table) return { table: 'absent', imported: 0, verified: 0, skipped: 0 };
  const tenantId = shop.tenant.id;
  const rows = await shop.db
    .select()
    .from(table)
    .where(and(eq(table.storeId, shop.tenant.storeId), inArray(table.status, [OC_GDPR_STATUS.unverified, OC_GDPR_STATUS.pending, OC_GDPR_STATUS.processing])));
  const known = new Map(
    (await mainDb.select({ id: gdprRequests.id, ocGdprId: gdprRequests.ocGdprId, status: gdprRequests.status }).from(gdprRequests).where(and(eq(gdprRequests.tenantId, tenantId), isNotNull(gdprRequests.ocGdprId)))).map((r) => [r.ocGdprId!, r]),
  );
  let imported = 0;
  let verified = 0;
  let skipped = 0;
  for (const row of rows) {
    const email = subjectEmailSchema.safeParse(row.email);
    const type = row.action === 'export' ? 'access' : row.action === 'remove' ? 'erasure' : null;
    if (!email.success || !type) {
      skipped += 1;
      continue;
    }
    const linkClicked = row.status >= OC_GDPR_STATUS.pending;
    const mine = known.get(row.gdprId);
    if (!mine) {
      await createRequest(
        mainDb,
        {
          tenantId,
          type,
          source: 'opencart',
          email: email.data,
          language: 'en',
          receivedAt: new Date(`${row.dateAdded.replace(' ', 'T')}Z`),
          identityMethod: linkClicked ? 'opencart_link' : null,
          ocGdprId: row.gdprId,
        },
        OPENCART_ACTOR,
      );
      imported += 1;
    } else if (linkClicked && mine.status === 'unverified') {
      await mainDb
        .update(gdprRequests)
        .set({ status: 'open', identityMethod: 'opencart_link', identityVerifiedAt: new Date(), updatedAt: new Date() })
        .where(eq(gdprRequests.id, mine.id));
      await recordRequestEvent(mainDb, { tenantId, requestId: mine.id, action: 'identity_verified', note: 'opencart_link' }, OPENCART_ACTOR);
      verified += 1;
    }
  }
  return { table: 'present', imported, verified, skipped };
}
