import Link from 'next/link';
import { format, type Locale } from '@/lib/i18n/locale';
import type { DeadLetterReason } from '@/lib/webhooks/queries/list-dead-letter-reasons';
import { formatCount, pluralLabel } from '@/components/overview/intl-format';
import { formatInstant } from './format-instant';
import type { WebhooksLabels } from './labels';
import overview from '@/components/overview/overview.module.css';
import styles from './webhooks.module.css';

/** The dead letter tab's summary: each distinct reason once, with how many events it holds back. */
export function DeadLetterReasons({
  reasons,
  labels,
  locale,
  timeZone,
}: {
  reasons: DeadLetterReason[];
  labels: WebhooksLabels['deadLetters'];
  locale: Locale;
  timeZone: string;
}) {
  if (reasons.length === 0) return null;
  return (
    <section className={overview.panel} aria-labelledby="dead-letter-reasons">
      <header className={overview.panelHeader}>
        <h2 id="dead-letter-reasons" className={overview.panelTitle}>
          {labels.title}
        </h2>
        <p className={overview.panelDescription}>{labels.description}</p>
      </header>
      <ul className={styles.reasons}>
        {reasons.map((r) => (
          <li key={`${r.latestEventId}`} className={styles.reason}>
            <div>
              <p className={styles.reasonText} title={r.reason ?? undefined}>
                {r.reason ?? labels.noReason}
              </p>
              <p className={styles.reasonMeta}>
                {format(pluralLabel(labels.count, r.count, locale), { count: formatCount(r.count, locale) })} ·{' '}
                {format(labels.latest, { time: formatInstant(r.latestReceivedAt, locale, timeZone) })}
              </p>
            </div>
            <span className={styles.reasonLinks}>
              {r.unknownSku ? (
                <Link href={`/webhooks/${r.latestEventId}#map-sku`}>{format(labels.mapSku, { sku: r.unknownSku })}</Link>
              ) : null}
              <Link href={`/webhooks/${r.latestEventId}`}>{labels.viewLatest}</Link>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
