import type { TenantRole } from '@/lib/db/schema';

/** Who may link, unlink and review held prices: viewers only look. */
export const PRODUCT_EDIT_ROLES: readonly TenantRole[] = ['operator', 'admin'];
/** The price safety threshold is a rule for the whole shop. */
export const SYNC_SETTINGS_ROLES: readonly TenantRole[] = ['admin'];
