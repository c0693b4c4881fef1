import { getLocale } from '@/lib/auth/session';
import { getMessages } from '@/lib/i18n';
import { TenantsSkeleton } from '@/components/tenants/tenants-skeleton';

export default async function Loading() {
  return <TenantsSkeleton label={getMessages(await getLocale()).tenants.loading} />;
}
