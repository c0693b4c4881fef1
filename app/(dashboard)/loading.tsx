import { getLocale } from '@/lib/auth/session';
import { getMessages } from '@/lib/i18n';
import { OverviewSkeleton } from '@/components/overview/overview-skeleton';

export default async function Loading() {
  const m = getMessages(await getLocale()).overview;
  return <OverviewSkeleton label={m.loading} />;
}
