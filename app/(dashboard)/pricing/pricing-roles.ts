import type { TenantRole } from '@/lib/db/schema';

/** Prices, costs and rules change money: admins only; everyone with access may look. */
export const PRICING_EDIT_ROLES: readonly TenantRole[] = ['admin'];
