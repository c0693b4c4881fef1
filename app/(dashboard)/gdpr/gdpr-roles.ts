import type { TenantRole } from '@/lib/db/schema';

/** Who may file requests, record identity checks, extend deadlines and record consent. */
export const GDPR_EDIT_ROLES: readonly TenantRole[] = ['operator', 'admin'];
/** Exports hand out personal data and erasures destroy it; closing a request ends the legal clock. */
export const GDPR_ADMIN_ROLES: readonly TenantRole[] = ['admin'];
