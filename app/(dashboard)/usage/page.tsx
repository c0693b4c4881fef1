import { env } from '@/lib/env';
import { getDb } from '@/lib/db/pool';
import { getLocale, openCurrentTenant } from '@/lib/auth/session';
import { getMessages } from '@/lib/i18n';
import { getTenantUsage } from '@/lib/quotas/usage';
import { UsageLive } from '@/components/usage/usage-live';
import styles from '@/components/usage/usage.module.css';
import { setQuotaLimitAction } from './actions';

export default async function UsagePage() {
  const [locale, tenant] = await Promise.all([getLocale(), openCurrentTenant()]);
  const messages = getMessages(locale);
  const m = messages.usage;
  const renderedAt = Date.now();
  const usage = await getTenantUsage(getDb(env().DATABASE_URL), tenant.tenant.id, renderedAt);
  const timeZone = tenant.available.find((t) => t.id === tenant.tenant.id)?.timezone ?? 'UTC';

  return (
    <div className={styles.page}>
      <div>
        <h1>{m.title}</h1>
        <p className={styles.lead}>{m.description}</p>
      </div>
      <UsageLive
        tenantId={tenant.tenant.id}
        initial={usage}
        renderedAt={renderedAt}
        setLimit={tenant.role === 'admin' ? setQuotaLimitAction : undefined}
        labels={m}
        marketplaces={messages.webhooks.marketplaces}
        locale={locale}
        timeZone={timeZone}
      />
    </div>
  );
}
