import { getLocale } from '@/lib/auth/session';
import { getMessages } from '@/lib/i18n';
import { OverviewSkeleton } from '@/components/overview/overview-skeleton';

export default async function Loading() {
  return <OverviewSkeleton label={getMessages(await getLocale()).monitoring.loading} />;
}
