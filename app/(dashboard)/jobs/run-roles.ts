import type { TenantRole } from '@/lib/db/schema';

/** Who may start a job from the jobs page: a run touches every marketplace account of the shop. */
export const RUN_JOB_ROLES: readonly TenantRole[] = ['admin'];
