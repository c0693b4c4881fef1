import { getLocale } from '@/lib/auth/session';
import { getMessages } from '@/lib/i18n';
import { WebhooksSkeleton } from '@/components/webhooks/webhooks-skeleton';

export default async function Loading() {
  return <WebhooksSkeleton label={getMessages(await getLocale()).webhooks.loading} />;
}
