import { format, type Locale } from '@/lib/i18n/locale';
import type { MonitoringLabels } from '@/lib/i18n/messages/monitoring';
import type { MonitoringData } from '@/lib/monitoring/dashboard/get-monitoring-data';
import styles from '@/components/overview/overview.module.css';
import { formatDuration, formatInteger, formatPercentile } from './format';

export function SummaryCards({ data, labels, locale }: { data: MonitoringData; labels: MonitoringLabels; locale: Locale }) {
  const c = labels.cards;
  const apiErrors = data.api.byMarketplace.reduce((s, m) => s + m.errors, 0);
  const rateLimited = data.api.byMarketplace.reduce((s, m) => s + m.rateLimited, 0);
  const cards: Array<{ label: string; value: string; meta?: string }> = [
    { label: c.received, value: formatInteger(data.webhooks.totals.received, locale), meta: labels.range[data.range] },
    { label: c.ingestP95, value: formatPercentile(data.webhooks.totals.ingest.p95, locale, labels) },
    { label: c.lagP95, value: formatPercentile(data.webhooks.totals.lag.p95, locale, labels) },
    {
      label: c.queueDepth,
      value: formatInteger(data.live.queueDepth, locale),
      meta: data.live.oldestWaitingMs === null ? c.nothingWaiting : format(c.oldestWaiting, { age: formatDuration(data.live.oldestWaitingMs, locale) }),
    },
    { label: c.deadLetters, value: formatInteger(data.live.deadLetters, locale) },
    { label: c.retries, value: formatInteger(data.webhooks.totals.retries, locale) },
    { label: c.outboxDepth, value: formatInteger(data.live.outboxDepth, locale) },
    { label: c.apiErrors, value: formatInteger(apiErrors, locale), meta: format(c.rateLimited, { count: formatInteger(rateLimited, locale) }) },
    { label: c.circuits, value: formatInteger(data.live.circuits.length, locale), meta: format(c.circuitsClosed, { count: data.live.closedCircuits }) },
  ];
  return (
    <ul className={styles.cards} aria-label={labels.title}>
      {cards.map((card) => (
        <li key={card.label} className={styles.card}>
          <p className={styles.cardLabel}>{card.label}</p>
          <p className={styles.cardValue}>{card.value}</p>
          {card.meta ? <p className={styles.cardMeta}>{card.meta}</p> : null}
        </li>
      ))}
    </ul>
  );
}
