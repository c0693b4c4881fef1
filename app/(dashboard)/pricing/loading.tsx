import { getLocale } from '@/lib/auth/session';
import { getMessages } from '@/lib/i18n';
import { PricingSkeleton } from '@/components/pricing/pricing-skeleton';

export default async function Loading() {
  return <PricingSkeleton label={getMessages(await getLocale()).pricing.loading} />;
}
