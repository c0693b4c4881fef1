import Link from 'next/link';
import type { Metadata } from 'next';
import { z } from 'zod';
import { tenantSlugSchema } from '@/lib/tenants/tenant-input';
import { getLocale } from '@/lib/auth/session';
import { getMessages } from '@/lib/i18n';
import { LanguageSwitcher } from '@/components/layout/language-switcher';
import { ConfirmRequestButton } from '@/components/gdpr/confirm-request-button';
import overview from '@/components/overview/overview.module.css';
import styles from '@/components/gdpr/gdpr.module.css';

export const metadata: Metadata = { title: 'Privacy' };
export const dynamic = 'force-dynamic';

const querySchema = z.object({
  shop: tenantSlugSchema.optional().catch(undefined),
  token: z.string().max(200).optional().catch(undefined),
});

/** Public (no login): the page the emailed link opens; the button confirms the request. */
export default async function ConfirmPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [locale, raw] = await Promise.all([getLocale(), searchParams]);
  const messages = getMessages(locale);
  const m = messages.gdpr.public;
  const { shop, token } = querySchema.parse({ shop: typeof raw.shop === 'string' ? raw.shop : undefined, token: typeof raw.token === 'string' ? raw.token : undefined });
  const back = `/privacy${shop ? `?shop=${encodeURIComponent(shop)}` : ''}`;
  return (
    <main className={styles.publicPage}>
      <div className={styles.publicHeader}>
        <span className={overview.panelTitle}>{messages.common.appName}</span>
        <LanguageSwitcher locale={locale} label={messages.common.language} names={messages.common.languageNames} />
      </div>
      <section className={overview.panel}>
        <h1>{m.confirm.title}</h1>
        {token ? (
          <>
            <p>{m.confirm.lead}</p>
            <ConfirmRequestButton shop={shop ?? null} token={token} labels={m} />
          </>
        ) : (
          <p className="alert-error">{m.confirm.missing}</p>
        )}
        <p>
          <Link href={back}>{m.confirm.back}</Link>
        </p>
      </section>
    </main>
  );
}
