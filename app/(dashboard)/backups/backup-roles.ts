import type { TenantRole } from '@/lib/db/schema';

/** Who may start a backup or verify one. */
export const BACKUP_CREATE_ROLES: readonly TenantRole[] = ['admin', 'operator'];
/** Restores create databases or replace the shop's tables; downloads carry every customer's data. */
export const BACKUP_RESTORE_ROLES: readonly TenantRole[] = ['admin'];
