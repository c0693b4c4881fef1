import { getLocale } from '@/lib/auth/session';
import { getMessages } from '@/lib/i18n';
import { JobsSkeleton } from '@/components/jobs/jobs-skeleton';

export default async function Loading() {
  return <JobsSkeleton label={getMessages(await getLocale()).jobs.loading} />;
}
