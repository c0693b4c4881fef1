import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/lib/db/pool';
import { gdprRequests } from '@/lib/db/schema';
import { ServiceError } from '@/lib/errors/service-error';
import type { TenantDb } from '@/lib/tenants/tenant-db';
import { syncOpenCartGdprStatus } from './opencart-gdpr-sync';
import { recordRequestEvent, type GdprWriteContext } from './request-context';
import { assertOpen, getRequest } from './requests';

export const closeRequestSchema = z.object({
  id: z.coerce.number().int().positive(),
  outcome: z.enum(['completed', 'rejected']),
  note: z.string().trim().min(3).max(500),
});

/** Closes a request that needs no erasure run (access after its export, rectification, withdrawal) or refuses one. */
export async function closeRequest(db: Db, shop: TenantDb, input: z.output<typeof closeRequestSchema>, ctx: GdprWriteContext, now = new Date()) {
  const tenantId = shop.tenant.id;
  const request = await getRequest(db, tenantId, input.id);
  assertOpen(request);
  // An erasure is completed by running it (lib/gdpr/run-erasure.ts), never by saying so.
  if (input.outcome === 'completed' && request.type === 'erasure') throw new ServiceError('CONFLICT', `Erasure request ${request.id} completes when its erasure runs`);
  if (input.outcome === 'completed' && !request.identityVerifiedAt) throw new ServiceError('CONFLICT', `Request ${request.id} has no verified identity`);
  await db
    .update(gdprRequests)
    .set({ status: input.outcome, closedAt: now, updatedAt: now, rejectionReason: input.outcome === 'rejected' ? input.note : null })
    .where(eq(gdprRequests.id, request.id));
  await syncOpenCartGdprStatus(shop, request.ocGdprId, input.outcome);
  await recordRequestEvent(db, { tenantId, requestId: request.id, action: input.outcome, note: input.note }, ctx);
}

