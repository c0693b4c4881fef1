import type { TenantRole } from '@/lib/db/schema';

/** Who may replay events and map SKUs: viewers only look. */
export const REPLAY_ROLES: readonly TenantRole[] = ['operator', 'admin'];
