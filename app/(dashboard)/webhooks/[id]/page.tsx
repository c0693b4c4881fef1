import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { env } from '@/lib/env';
import { getDb } from '@/lib/db/pool';
import { getLocale, openCurrentTenant } from '@/lib/auth/session';
import { format, getMessages } from '@/lib/i18n';
import { getStoreSettings } from '@/lib/shop/store-settings';
import {
  getWebhookEvent,
  PRODUCT_SEARCH_LIMIT,
  productSearchSchema,
  searchShopProducts,
  shopTimeZone,
} from '@/lib/webhooks/queries';
import { AttemptLog } from '@/components/webhooks/attempt-log';
import { DeliveryPanel } from '@/components/webhooks/delivery-panel';
import { EventSummary } from '@/components/webhooks/event-summary';
import { MapSkuPanel } from '@/components/webhooks/map-sku-panel';
import { RefreshWhilePending } from '@/components/webhooks/refresh-while-pending';
import { ReplayButton } from '@/components/webhooks/replay-button';
import { REPLAYABLE_STATUSES } from '@/components/webhooks/labels';
import overview from '@/components/overview/overview.module.css';
import styles from '@/components/webhooks/webhooks.module.css';
import { mapUnknownSku, replayWebhookEvents } from '../actions';
import { REPLAY_ROLES } from '../replay-roles';

const eventIdSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export default async function WebhookEventPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ id }, query, locale, tenant] = await Promise.all([params, searchParams, getLocale(), openCurrentTenant()]);
  const eventId = eventIdSchema.safeParse(id);
  if (!eventId.success) notFound();
  const [event, settings] = await Promise.all([
    getWebhookEvent(getDb(env().DATABASE_URL), tenant.tenant.id, eventId.data),
    getStoreSettings(tenant),
  ]);
  if (!event) notFound();

  const m = getMessages(locale).webhooks;
  const timeZone = shopTimeZone(settings);
  const canReplay = REPLAY_ROLES.includes(tenant.role);
  const productQuery = productSearchSchema.safeParse(Array.isArray(query.q) ? query.q[0] : query.q);
  const search =
    canReplay && event.unknownSku && productQuery.success
      ? {
          query: productQuery.data,
          products: await searchShopProducts(tenant, { query: productQuery.data, languageId: settings.languageId }),
          limit: PRODUCT_SEARCH_LIMIT,
        }
      : null;

  return (
    <div className={styles.page}>
      <RefreshWhilePending active={event.status === 'pending'} />
      <div>
        <Link href="/webhooks" className={styles.back}>
          ← {m.detail.back}
        </Link>
        <div className={styles.detailHeader}>
          <h1>{format(m.detail.title, { id: event.id })}</h1>
        </div>
      </div>
      <section className={overview.panel} aria-labelledby="event-summary">
        <header className={overview.panelHeader}>
          <h2 id="event-summary" className={overview.panelTitle}>
            {m.detail.summary}
          </h2>
        </header>
        <EventSummary event={event} labels={m} locale={locale} timeZone={timeZone} />
        {event.status === 'pending' ? (
          <p className={styles.hint} role="status">
            {m.detail.queued}
          </p>
        ) : null}
        {canReplay && REPLAYABLE_STATUSES.includes(event.status) ? (
          <>
            <p className={styles.hint}>{m.detail.replayHint}</p>
            <ReplayButton eventId={event.id} replay={replayWebhookEvents} labels={m} locale={locale} />
          </>
        ) : null}
      </section>
      {canReplay && event.unknownSku ? (
        <MapSkuPanel
          eventId={event.id}
          sku={event.unknownSku}
          search={search}
          mapSku={mapUnknownSku}
          replay={replayWebhookEvents}
          labels={m}
          locale={locale}
        />
      ) : null}
      <div className={styles.columns}>
        <section className={overview.panel} aria-labelledby="event-payload">
          <header className={overview.panelHeader}>
            <h2 id="event-payload" className={overview.panelTitle}>
              {m.detail.payload}
            </h2>
            <p className={overview.panelDescription}>{m.detail.payloadHint}</p>
          </header>
          <pre className={styles.code} tabIndex={0} aria-label={m.detail.payload}>
            {event.payload}
          </pre>
        </section>
        <DeliveryPanel delivery={event.delivery} labels={m.detail} locale={locale} timeZone={timeZone} />
      </div>
      <AttemptLog attempts={event.attemptLog} labels={m} locale={locale} timeZone={timeZone} />
    </div>
  );
}
