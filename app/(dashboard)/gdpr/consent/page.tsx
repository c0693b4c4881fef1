import { env } from '@/lib/env';
import { getDb } from '@/lib/db/pool';
import { getLocale, openCurrentTenant } from '@/lib/auth/session';
import { format, getMessages } from '@/lib/i18n';
import { consentLedgerQuerySchema, consentTotals, currentConsents, listConsentLedger } from '@/lib/gdpr/consent';
import { getStoreSettings } from '@/lib/shop/store-settings';
import { shopTimeZone } from '@/lib/webhooks/queries';
import { CONSENT_PURPOSES } from '@/lib/db/schema';
import { EmptyState } from '@/components/overview/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { ConsentForm } from '@/components/gdpr/consent-form';
import { ConsentLedgerTable } from '@/components/gdpr/consent-ledger-table';
import { ConsentStateList } from '@/components/gdpr/consent-state';
import overview from '@/components/overview/overview.module.css';
import styles from '@/components/gdpr/gdpr.module.css';
import { recordConsentAction } from '../actions';
import { GDPR_EDIT_ROLES } from '../gdpr-roles';

export default async function ConsentLedgerPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [locale, tenant, raw] = await Promise.all([getLocale(), openCurrentTenant(), searchParams]);
  const m = getMessages(locale).gdpr;
  const c = m.consent;
  const db = getDb(env().DATABASE_URL);
  const tenantId = tenant.tenant.id;
  const query = consentLedgerQuerySchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const [ledger, totals, store, state] = await Promise.all([
    listConsentLedger(db, tenantId, query),
    consentTotals(db, tenantId),
    getStoreSettings(tenant),
    query.email ? currentConsents(db, tenantId, query.email) : Promise.resolve(null),
  ]);
  const timeZone = shopTimeZone(store);
  const count = (purpose: string, action: string) => totals.find((x) => x.purpose === purpose && x.action === action)?.n ?? 0;
  const csvHref = `/api/gdpr/consent-csv${query.email ? `?email=${encodeURIComponent(query.email)}` : ''}`;
  const hrefFor = (page: number) => `/gdpr/consent?${new URLSearchParams({ ...(query.email ? { email: query.email } : {}), page: String(page) })}`;
  return (
    <div className={styles.page}>
      <div>
        <h1>{c.title}</h1>
        <p className={styles.lead}>{c.description}</p>
      </div>
      <ul className={styles.totals}>
        {CONSENT_PURPOSES.map((p) => (
          <li key={p}>{format(c.totals, { purpose: c.purposes[p], granted: count(p, 'granted'), withdrawn: count(p, 'withdrawn') })}</li>
        ))}
      </ul>
      <section className={overview.panel} aria-label={c.title}>
        <form method="get" action="/gdpr/consent" className={`${styles.filters} ${overview.panelHeader}`}>
          <label className={styles.field}>
            <span className={styles.fieldLabel}>{c.filter}</span>
            <input type="search" name="email" defaultValue={query.email ?? ''} className={styles.control} maxLength={96} />
          </label>
          <button type="submit" className="btn">
            {c.apply}
          </button>
          <a className="btn" href={csvHref} download>
            {c.csv}
          </a>
        </form>
        {state && query.email ? <ConsentStateList email={query.email} states={state} labels={m} locale={locale} timeZone={timeZone} linkToLedger={false} /> : null}
        {ledger.rows.length === 0 ? (
          <EmptyState title={c.empty} />
        ) : (
          <ConsentLedgerTable rows={ledger.rows} labels={m} locale={locale} timeZone={timeZone} />
        )}
        <Pagination page={ledger.page} pageCount={ledger.pageCount} total={ledger.total} hrefFor={hrefFor} labels={c.pagination} locale={locale} />
      </section>
      {GDPR_EDIT_ROLES.includes(tenant.role) ? <ConsentForm record={recordConsentAction} labels={m} email={query.email ?? ''} /> : null}
    </div>
  );
}
