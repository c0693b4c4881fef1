import Link from 'next/link';
import { format, type Locale } from '@/lib/i18n/locale';
import type { WebhookEventListItem } from '@/lib/webhooks/queries/event-list-item';
import { formatCount } from '@/components/overview/intl-format';
import { eventTypeLabel } from './event-type-label';
import { formatInstant } from './format-instant';
import { REPLAYABLE_STATUSES, type WebhooksLabels } from './labels';
import { StatusBadge } from './status-badge';
import overview from '@/components/overview/overview.module.css';
import styles from './webhooks.module.css';

export type EventsTableLabels = Pick<WebhooksLabels, 'table' | 'status' | 'types' | 'marketplaces' | 'replay'>;

/** The rows of one page; selection and replay are the caller's (absent for viewers). */
export function EventsTable({
  events,
  selected,
  onToggle,
  onTogglePage,
  onReplay,
  replaying,
  labels,
  locale,
  timeZone,
}: {
  events: WebhookEventListItem[];
  selected: ReadonlySet<number>;
  onToggle?: (id: number) => void;
  onTogglePage?: (select: boolean) => void;
  onReplay?: (id: number) => void;
  replaying: boolean;
  labels: EventsTableLabels;
  locale: Locale;
  timeZone: string;
}) {
  const t = labels.table;
  const selectable = events.filter((e) => REPLAYABLE_STATUSES.includes(e.status));
  const pageSelected = selectable.length > 0 && selectable.every((e) => selected.has(e.id));
  return (
    <div className={overview.tableWrap}>
      <table className={overview.table}>
        <caption className="visually-hidden">{t.caption}</caption>
        <thead>
          <tr>
            {onToggle && onTogglePage ? (
              <th scope="col" className={styles.checkCell}>
                <input
                  type="checkbox"
                  aria-label={t.selectPage}
                  checked={pageSelected}
                  disabled={selectable.length === 0}
                  onChange={(e) => onTogglePage(e.target.checked)}
                />
              </th>
            ) : null}
            <th scope="col">{t.event}</th>
            <th scope="col">{t.received}</th>
            <th scope="col" className={overview.hideOnPhone}>
              {t.account}
            </th>
            <th scope="col">{t.type}</th>
            <th scope="col">{t.status}</th>
            <th scope="col" className={overview.numeric}>
              {t.attempts}
            </th>
            <th scope="col" className={overview.hideOnPhone}>
              {t.lastError}
            </th>
            {onReplay ? (
              <th scope="col">
                <span className="visually-hidden">{t.actions}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {events.map((event) => {
            const replayable = REPLAYABLE_STATUSES.includes(event.status);
            return (
              <tr key={event.id}>
                {onToggle ? (
                  <td className={styles.checkCell}>
                    {replayable ? (
                      <input
                        type="checkbox"
                        aria-label={format(t.select, { id: event.id })}
                        checked={selected.has(event.id)}
                        onChange={() => onToggle(event.id)}
                      />
                    ) : null}
                  </td>
                ) : null}
                <td className={overview.nowrap}>
                  <Link href={`/webhooks/${event.id}`}>{format(t.eventNumber, { id: event.id })}</Link>
                </td>
                <td className={overview.nowrap}>
                  <time dateTime={event.receivedAt}>{formatInstant(event.receivedAt, locale, timeZone, 'short')}</time>
                </td>
                <td className={overview.hideOnPhone}>
                  {event.accountName ?? format(t.unknownAccount, { id: event.accountId })}
                  <span className={overview.secondary}>{labels.marketplaces[event.marketplace]}</span>
                </td>
                <td>{eventTypeLabel(event.type, labels.types)}</td>
                <td>
                  <StatusBadge status={event.status} label={labels.status[event.status]} />
                </td>
                <td className={overview.numeric}>{formatCount(event.attempts, locale)}</td>
                <td className={overview.hideOnPhone}>
                  {event.lastError ? (
                    <span className={styles.errorText} title={event.lastError}>
                      {event.lastError}
                    </span>
                  ) : null}
                </td>
                {onReplay ? (
                  <td>
                    {replayable ? (
                      <button
                        type="button"
                        className={`btn ${styles.small}`}
                        aria-label={format(labels.replay.oneLabel, { id: event.id })}
                        disabled={replaying}
                        onClick={() => onReplay(event.id)}
                      >
                        {labels.replay.one}
                      </button>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
