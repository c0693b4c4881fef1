import { format, type Locale } from '@/lib/i18n/locale';
import type { WebhookDeliveryView } from '@/lib/webhooks/queries/get-webhook-event';
import { formatCount } from '@/components/overview/intl-format';
import { formatInstant } from './format-instant';
import type { WebhooksLabels } from './labels';
import overview from '@/components/overview/overview.module.css';
import styles from './webhooks.module.css';

/** The HTTP push the event came in: its headers as stored and its body as received. */
export function DeliveryPanel({
  delivery,
  labels,
  locale,
  timeZone,
}: {
  delivery: WebhookDeliveryView | null;
  labels: WebhooksLabels['detail'];
  locale: Locale;
  timeZone: string;
}) {
  return (
    <section className={overview.panel} aria-labelledby="event-delivery">
      <header className={overview.panelHeader}>
        <h2 id="event-delivery" className={overview.panelTitle}>
          {labels.delivery}
        </h2>
        {delivery ? (
          <p className={overview.panelDescription}>
            <time dateTime={delivery.receivedAt}>{formatInstant(delivery.receivedAt, locale, timeZone)}</time> ·{' '}
            {format(labels.deliveryMeta, {
              method: delivery.method,
              path: delivery.path,
              latency: formatCount(delivery.ingestLatencyMs, locale),
              events: formatCount(delivery.eventCount, locale),
              duplicates: formatCount(delivery.duplicateCount, locale),
            })}
          </p>
        ) : null}
      </header>
      {delivery ? (
        <>
          <h3 className={styles.subheading}>{labels.headers}</h3>
          <p className={styles.hint}>{labels.headersNote}</p>
          <div className={overview.tableWrap}>
            <table className={overview.table}>
              <thead>
                <tr>
                  <th scope="col">{labels.header}</th>
                  <th scope="col">{labels.value}</th>
                </tr>
              </thead>
              <tbody>
                {delivery.headers.map(([name, value]) => (
                  <tr key={name}>
                    <td className={`${styles.mono} ${overview.nowrap}`}>{name}</td>
                    <td className={styles.mono}>{value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h3 className={styles.subheading}>{labels.body}</h3>
          {delivery.bodyIsJson ? null : <p className={styles.hint}>{labels.bodyNotJson}</p>}
          <pre className={styles.code} tabIndex={0} aria-label={labels.body}>
            {delivery.body}
          </pre>
        </>
      ) : (
        <p className={styles.muted}>{labels.noDelivery}</p>
      )}
    </section>
  );
}
