import type { Messages } from '@/lib/i18n';

export type TenantsLabels = Messages['tenants'];
export type RoleLabels = Messages['common']['role'];
