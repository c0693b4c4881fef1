import type { Metadata } from 'next';
import { z } from 'zod';
import { tenantSlugSchema } from '@/lib/tenants/tenant-input';
import { env } from '@/lib/env';
import { getDb } from '@/lib/db/pool';
import { getLocale } from '@/lib/auth/session';
import { ServiceError } from '@/lib/errors/service-error';
import { format, getMessages } from '@/lib/i18n';
import { findPublicTenant } from '@/lib/gdpr/public-intake';
import { LanguageSwitcher } from '@/components/layout/language-switcher';
import { PublicRequestForm } from '@/components/gdpr/public-request-form';
import overview from '@/components/overview/overview.module.css';
import styles from '@/components/gdpr/gdpr.module.css';

export const metadata: Metadata = { title: 'Privacy' };
export const dynamic = 'force-dynamic';

const querySchema = z.object({ shop: tenantSlugSchema.optional().catch(undefined) });

/** Public (no login): a person asks about their data at the shop `?shop=<slug>`, or the default shop. */
export default async function PrivacyPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [locale, raw] = await Promise.all([getLocale(), searchParams]);
  const messages = getMessages(locale);
  const m = messages.gdpr;
  const shopParam = typeof raw.shop === 'string' ? raw.shop : undefined;
  const { shop } = querySchema.parse({ shop: shopParam });
  const tenant = await findPublicTenant(getDb(env().DATABASE_URL), shop).catch((err: unknown) => {
    if (err instanceof ServiceError && err.code === 'NOT_FOUND') return null;
    throw err;
  });
  return (
    <main className={styles.publicPage}>
      <div className={styles.publicHeader}>
        <span className={overview.panelTitle}>{tenant?.name ?? messages.common.appName}</span>
        <LanguageSwitcher locale={locale} label={messages.common.language} names={messages.common.languageNames} />
      </div>
      {tenant ? (
        <section className={overview.panel}>
          <h1>{format(m.public.title, { shop: tenant.name })}</h1>
          <p className={styles.lead} style={{ marginTop: 0 }}>
            {m.public.lead}
          </p>
          <PublicRequestForm shop={shop ?? null} labels={m.public} consentLabels={m.consent} locale={locale} />
        </section>
      ) : (
        <p className="alert-error">{m.public.errors.unknownShop}</p>
      )}
    </main>
  );
}
