import { getLocale } from '@/lib/auth/session';
import { getMessages } from '@/lib/i18n';
import { UsageSkeleton } from '@/components/usage/usage-skeleton';

export default async function Loading() {
  return <UsageSkeleton label={getMessages(await getLocale()).usage.loading} />;
}
