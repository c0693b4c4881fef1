import { format, type Locale } from '@/lib/i18n/locale';
import type { WebhookEventDetail } from '@/lib/webhooks/queries/get-webhook-event';
import { formatCount } from '@/components/overview/intl-format';
import { eventTypeLabel } from './event-type-label';
import { formatInstant } from './format-instant';
import type { WebhooksLabels } from './labels';
import { StatusBadge } from './status-badge';
import styles from './webhooks.module.css';

export function EventSummary({
  event,
  labels,
  locale,
  timeZone,
}: {
  event: WebhookEventDetail;
  labels: Pick<WebhooksLabels, 'detail' | 'status' | 'types' | 'marketplaces' | 'table'>;
  locale: Locale;
  timeZone: string;
}) {
  const d = labels.detail;
  const when = (iso: string | null) => (iso ? <time dateTime={iso}>{formatInstant(iso, locale, timeZone)}</time> : d.never);
  const waiting = event.status === 'pending' || event.status === 'failed';
  return (
    <dl className={styles.summary}>
      <dt>{d.status}</dt>
      <dd>
        <StatusBadge status={event.status} label={labels.status[event.status]} />
      </dd>
      <dt>{d.type}</dt>
      <dd>{eventTypeLabel(event.type, labels.types)}</dd>
      <dt>{d.marketplace}</dt>
      <dd>{labels.marketplaces[event.marketplace]}</dd>
      <dt>{d.account}</dt>
      <dd>{event.accountName ?? format(labels.table.unknownAccount, { id: event.accountId })}</dd>
      <dt>{d.externalId}</dt>
      <dd className={styles.mono}>{event.externalId}</dd>
      <dt>{d.received}</dt>
      <dd>{when(event.receivedAt)}</dd>
      <dt>{d.processed}</dt>
      <dd>{when(event.processedAt)}</dd>
      <dt>{d.attempts}</dt>
      <dd>{formatCount(event.attempts, locale)}</dd>
      {waiting ? (
        <>
          <dt>{d.nextAttempt}</dt>
          <dd>{when(event.nextAttemptAt)}</dd>
        </>
      ) : null}
      {event.lastError ? (
        <>
          <dt>{d.lastError}</dt>
          <dd className={styles.mono} data-testid="last-error">
            {event.lastError}
          </dd>
        </>
      ) : null}
    </dl>
  );
}
