import { getLocale } from '@/lib/auth/session';
import { getMessages } from '@/lib/i18n';
import { BackupsSkeleton } from '@/components/backups/backups-skeleton';

export default async function Loading() {
  return <BackupsSkeleton label={getMessages(await getLocale()).backups.loading} />;
}
