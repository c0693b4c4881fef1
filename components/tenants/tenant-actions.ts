import type { ActionResult } from '@/lib/auth/tenant-action';
import type { ConnectionTestResult } from '@/lib/tenants/test-tenant-connection';
import type { TenantRole, TenantStatus } from '@/lib/db/schema';

/** The server actions the tenant pages hand to their client parts (app/(dashboard)/tenants/actions.ts). */
export type TestConnectionAction = (
  input: { tenantId: number } | { databaseUrl: string; tablePrefix: string },
) => Promise<ActionResult<{ result: ConnectionTestResult }>>;
export type SetTenantStatusAction = (input: { tenantId: number; status: TenantStatus }) => Promise<ActionResult<{ status: TenantStatus }>>;
export type CreateTenantAction = (input: Record<string, string>) => Promise<ActionResult<{ tenant: { id: number; name: string } }>>;
export type UpdateTenantAction = (input: Record<string, string>) => Promise<ActionResult>;
export type GrantAccessAction = (input: { tenantId: number; userId: number; role: TenantRole }) => Promise<ActionResult<{ granted: { username: string; role: TenantRole } }>>;
export type RevokeAccessAction = (input: { tenantId: number; userId: number }) => Promise<ActionResult>;
