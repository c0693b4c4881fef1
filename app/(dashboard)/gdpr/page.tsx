import Link from 'next/link';
import { env } from '@/lib/env';
import { getDb } from '@/lib/db/pool';
import { getLocale, openCurrentTenant } from '@/lib/auth/session';
import { getMessages } from '@/lib/i18n';
import { DUE_SOON_DAYS } from '@/lib/gdpr/deadlines';
import { countOpenRequests, listRequests, requestListQuerySchema, type RequestListQuery } from '@/lib/gdpr/requests';
import { getGdprSettings } from '@/lib/gdpr/settings';
import { getStoreSettings } from '@/lib/shop/store-settings';
import { shopTimeZone } from '@/lib/webhooks/queries';
import { EmptyState } from '@/components/overview/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { NewRequestForm } from '@/components/gdpr/new-request-form';
import { RequestFilterForm } from '@/components/gdpr/request-filter-form';
import { RequestsTable } from '@/components/gdpr/requests-table';
import { GdprSettingsForm } from '@/components/gdpr/settings-form';
import overview from '@/components/overview/overview.module.css';
import styles from '@/components/gdpr/gdpr.module.css';
import { createRequestAction, updateGdprSettingsAction } from './actions';
import { GDPR_ADMIN_ROLES, GDPR_EDIT_ROLES } from './gdpr-roles';

function queryString(query: RequestListQuery, page: number): string {
  const params = new URLSearchParams();
  if (query.state !== 'open') params.set('state', query.state);
  if (query.type) params.set('type', query.type);
  if (query.source) params.set('source', query.source);
  if (query.q) params.set('q', query.q);
  if (page > 1) params.set('page', String(page));
  return params.toString();
}

export default async function GdprPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [locale, tenant, raw] = await Promise.all([getLocale(), openCurrentTenant(), searchParams]);
  const m = getMessages(locale).gdpr;
  const db = getDb(env().DATABASE_URL);
  const tenantId = tenant.tenant.id;
  const query = requestListQuerySchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const [list, counts, settings, store] = await Promise.all([
    listRequests(db, tenantId, query),
    countOpenRequests(db, tenantId, DUE_SOON_DAYS),
    getGdprSettings(db, tenantId),
    getStoreSettings(tenant),
  ]);
  const timeZone = shopTimeZone(store);
  const now = new Date();
  const filtered = query.state !== 'open' || query.type !== undefined || query.source !== undefined || query.q !== undefined;
  return (
    <div className={styles.page}>
      <div>
        <h1>{m.title}</h1>
        <p className={styles.lead}>{m.description}</p>
      </div>
      <ul className={overview.cards} aria-label={m.title}>
        <li className={overview.card}>
          <p className={overview.cardLabel}>{m.counters.open}</p>
          <p className={overview.cardValue}>{counts.open}</p>
        </li>
        <li className={overview.card}>
          <p className={overview.cardLabel}>{m.counters.soon}</p>
          <p className={`${overview.cardValue} ${counts.soon > 0 ? styles.soon : ''}`}>{counts.soon}</p>
        </li>
        <li className={overview.card}>
          <p className={overview.cardLabel}>{m.counters.overdue}</p>
          <p className={`${overview.cardValue} ${counts.overdue > 0 ? styles.overdue : ''}`}>{counts.overdue}</p>
        </li>
      </ul>
      <p>
        <Link href="/gdpr/consent">{m.consent.nav}</Link>
      </p>
      <section className={overview.panel} aria-label={m.nav}>
        <div className={overview.panelHeader}>
          <RequestFilterForm query={query} labels={m} />
        </div>
        {list.rows.length === 0 ? (
          <EmptyState title={m.table.empty} hint={filtered ? undefined : m.table.emptyHint} />
        ) : (
          <RequestsTable rows={list.rows} now={now} labels={m} locale={locale} timeZone={timeZone} />
        )}
        <Pagination page={list.page} pageCount={list.pageCount} total={list.total} hrefFor={(p) => `/gdpr?${queryString(query, p)}`} labels={m.pagination} locale={locale} />
      </section>
      {GDPR_EDIT_ROLES.includes(tenant.role) ? (
        <NewRequestForm create={createRequestAction} labels={m} locale={locale} timeZone={timeZone} today={now.toISOString().slice(0, 10)} />
      ) : null}
      {GDPR_ADMIN_ROLES.includes(tenant.role) ? <GdprSettingsForm settings={settings} update={updateGdprSettingsAction} labels={m} /> : null}
    </div>
  );
}
