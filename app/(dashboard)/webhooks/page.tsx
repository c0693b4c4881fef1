import { env } from '@/lib/env';
import { getDb } from '@/lib/db/pool';
import { getLocale, openCurrentTenant } from '@/lib/auth/session';
import { getMessages } from '@/lib/i18n';
import { listMarketplaceAccounts } from '@/lib/marketplace-accounts';
import { getStoreSettings } from '@/lib/shop/store-settings';
import {
  getWebhookEventList,
  listDeadLetterReasons,
  readWebhookEventFilters,
  shopTimeZone,
  webhookEventFiltersToQuery,
} from '@/lib/webhooks/queries';
import { DeadLetterReasons } from '@/components/webhooks/dead-letter-reasons';
import { EventFilterForm } from '@/components/webhooks/event-filter-form';
import { WebhookEventsLive } from '@/components/webhooks/webhook-events-live';
import styles from '@/components/webhooks/webhooks.module.css';
import { replayWebhookEvents } from './actions';
import { REPLAY_ROLES } from './replay-roles';

export default async function WebhooksPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [locale, tenant, query] = await Promise.all([getLocale(), openCurrentTenant(), searchParams]);
  const m = getMessages(locale).webhooks;
  const { filters, ignored } = readWebhookEventFilters(query);
  const db = getDb(env().DATABASE_URL);
  const tenantId = tenant.tenant.id;
  const timeZone = shopTimeZone(await getStoreSettings(tenant));
  const [list, accounts, reasons] = await Promise.all([
    getWebhookEventList(db, tenantId, filters, { timeZone }),
    listMarketplaceAccounts(db, tenantId),
    filters.status === 'dead' ? listDeadLetterReasons(db, tenantId) : [],
  ]);
  const { marketplace, account, type, from, to } = filters;
  const liveQuery = webhookEventFiltersToQuery({ ...filters, page: list.page });

  return (
    <div className={styles.page}>
      <div>
        <h1>{m.title}</h1>
        <p className={styles.lead}>{m.description}</p>
      </div>
      <EventFilterForm
        filters={filters}
        ignored={ignored}
        accounts={accounts.map((a) => ({ id: a.id, name: a.name }))}
        timeZone={timeZone}
        labels={m}
      />
      {filters.status === 'dead' ? <DeadLetterReasons reasons={reasons} labels={m.deadLetters} locale={locale} timeZone={timeZone} /> : null}
      <WebhookEventsLive
        key={liveQuery}
        initial={list}
        renderedAt={Date.now()}
        query={liveQuery}
        status={filters.status}
        filtered={[marketplace, account, type, from, to].some((v) => v !== undefined)}
        replay={replayWebhookEvents}
        canReplay={REPLAY_ROLES.includes(tenant.role)}
        labels={m}
        locale={locale}
        timeZone={timeZone}
      />
    </div>
  );
}
