import type { TenantRole } from '@/lib/db/schema';

/** Who may acknowledge an alert: the people who act on it. Viewers see alerts but do not close them. */
export const ACKNOWLEDGE_ALERT_ROLES: readonly TenantRole[] = ['admin', 'operator'];
