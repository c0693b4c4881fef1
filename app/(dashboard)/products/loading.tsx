import { getLocale } from '@/lib/auth/session';
import { getMessages } from '@/lib/i18n';
import { ProductLinksSkeleton } from '@/components/product-links/product-links-skeleton';

export default async function Loading() {
  return <ProductLinksSkeleton label={getMessages(await getLocale()).products.loading} />;
}
