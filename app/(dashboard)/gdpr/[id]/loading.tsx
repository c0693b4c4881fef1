import { getLocale } from '@/lib/auth/session';
import { getMessages } from '@/lib/i18n';
import { GdprSkeleton } from '@/components/gdpr/gdpr-skeleton';

export default async function Loading() {
  return <GdprSkeleton label={getMessages(await getLocale()).gdpr.loading} />;
}
