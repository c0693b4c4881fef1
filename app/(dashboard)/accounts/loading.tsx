import { getLocale } from '@/lib/auth/session';
import { getMessages } from '@/lib/i18n';
import { AccountsSkeleton } from '@/components/accounts/accounts-skeleton';

export default async function Loading() {
  return <AccountsSkeleton label={getMessages(await getLocale()).accounts.loading} />;
}
