import { z } from 'zod';
import type { Db } from '@/lib/db/pool';
import { ServiceError } from '@/lib/errors/service-error';
import { openTenantForUser } from '@/lib/tenants/open-tenant';
import { listTenantsForUser, type SessionUser } from '@/lib/tenants/list-tenants-for-user';
import type { TenantDb } from '@/lib/tenants/tenant-db';
import { monitoringRangeSchema } from './range';

export const MONITORING_SCOPES = ['tenant', 'all'] as const;

/** The monitoring page's query string (and its data endpoint's). */
export const monitoringQuerySchema = z
  .object({
    range: monitoringRangeSchema.default('24h'),
    scope: z.enum(MONITORING_SCOPES).default('tenant'),
  })
  .strict();
export type MonitoringQuery = z.infer<typeof monitoringQuerySchema>;

/** Whether a user may ask for the all-tenants view: OpenCart Administrator-group users only. */
export const mayViewAllTenants = (user: SessionUser) => user.isAdministrator;

/**
 * The all-shops view: every shop the administrator holds the admin role on, never one they have no
 * grant for. (The current-shop view opens its shop through the session, as every page does.)
 */
export async function openAdministeredTenants(db: Db, mainDatabaseUrl: string, user: SessionUser): Promise<TenantDb[]> {
  if (!mayViewAllTenants(user)) throw new ServiceError('FORBIDDEN', 'The all-shops view is for administrators.');
  const adminOf = (await listTenantsForUser(db, user)).filter((t) => t.role === 'admin');
  return Promise.all(adminOf.map((t) => openTenantForUser(db, mainDatabaseUrl, user, t.slug)));
}
