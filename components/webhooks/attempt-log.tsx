import { format, type Locale } from '@/lib/i18n/locale';
import type { WebhookEventAttempt } from '@/lib/webhooks/queries/get-webhook-event';
import { formatCount } from '@/components/overview/intl-format';
import { formatInstant } from './format-instant';
import type { WebhooksLabels } from './labels';
import { StatusBadge } from './status-badge';
import overview from '@/components/overview/overview.module.css';
import styles from './webhooks.module.css';

export function AttemptLog({
  attempts,
  labels,
  locale,
  timeZone,
}: {
  attempts: WebhookEventAttempt[];
  labels: Pick<WebhooksLabels, 'detail' | 'status'>;
  locale: Locale;
  timeZone: string;
}) {
  const d = labels.detail;
  return (
    <section className={overview.panel} aria-labelledby="event-attempts">
      <header className={overview.panelHeader}>
        <h2 id="event-attempts" className={overview.panelTitle}>
          {d.attemptLog}
        </h2>
      </header>
      {attempts.length === 0 ? (
        <p className={styles.muted}>{d.noAttempts}</p>
      ) : (
        <div className={overview.tableWrap}>
          <table className={overview.table}>
            <thead>
              <tr>
                <th scope="col" className={overview.numeric}>
                  {d.attempt}
                </th>
                <th scope="col">{d.started}</th>
                <th scope="col">{d.outcome}</th>
                <th scope="col" className={overview.numeric}>
                  {d.duration}
                </th>
                <th scope="col" className={overview.hideOnPhone}>
                  {d.worker}
                </th>
                <th scope="col">{d.error}</th>
              </tr>
            </thead>
            <tbody>
              {attempts.map((a) => (
                <tr key={`${a.startedAt}-${a.attempt}`}>
                  <td className={overview.numeric}>{formatCount(a.attempt, locale)}</td>
                  <td className={overview.nowrap}>
                    <time dateTime={a.startedAt}>{formatInstant(a.startedAt, locale, timeZone)}</time>
                  </td>
                  <td>
                    <StatusBadge status={a.outcome} label={labels.status[a.outcome]} />
                  </td>
                  <td className={overview.numeric}>{format(d.durationMs, { ms: formatCount(a.durationMs, locale) })}</td>
                  <td className={`${styles.mono} ${overview.hideOnPhone}`}>{a.worker}</td>
                  <td className={styles.mono}>{a.error}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
