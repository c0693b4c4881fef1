import Form from 'next/form';
import Link from 'next/link';
import { format } from '@/lib/i18n/locale';
import { MARKETPLACES } from '@/lib/marketplaces/names';
import { CANONICAL_EVENT_TYPES } from '@/lib/webhooks/canonical-events';
import type { WebhookEventFilterName, WebhookEventFilters } from '@/lib/webhooks/queries/event-filters';
import { eventTypeLabel } from './event-type-label';
import type { WebhooksLabels } from './labels';
import overview from '@/components/overview/overview.module.css';
import styles from './webhooks.module.css';

export type FilterAccountOption = { id: number; name: string };

/**
 * The list's filters as a GET form: the query string is the state, so a filtered view can be
 * bookmarked and shared. The chosen status tab rides along in a hidden field.
 */
export function EventFilterForm({
  filters,
  ignored,
  accounts,
  timeZone,
  labels,
}: {
  filters: WebhookEventFilters;
  ignored: WebhookEventFilterName[];
  accounts: FilterAccountOption[];
  timeZone: string;
  labels: Pick<WebhooksLabels, 'filters' | 'marketplaces' | 'types'>;
}) {
  const f = labels.filters;
  return (
    <section className={overview.panel} aria-labelledby="webhook-filters-heading">
      <h2 id="webhook-filters-heading" className={`${overview.panelTitle} ${overview.panelHeader}`}>
        {f.heading}
      </h2>
      {ignored.length > 0 ? (
        <p className={styles.notice} role="status">
          {format(f.ignored, { names: ignored.map((name) => f.names[name]).join(', ') })}
        </p>
      ) : null}
      <Form action="/webhooks" className={styles.filters}>
        {filters.status ? <input type="hidden" name="status" value={filters.status} /> : null}
        <label className={styles.field}>
          <span className={styles.fieldLabel}>{f.marketplace}</span>
          <select name="marketplace" defaultValue={filters.marketplace ?? ''} className={styles.control}>
            <option value="">{f.any}</option>
            {MARKETPLACES.map((m) => (
              <option key={m} value={m}>
                {labels.marketplaces[m]}
              </option>
            ))}
          </select>
        </label>
        <label className={styles.field}>
          <span className={styles.fieldLabel}>{f.account}</span>
          <select name="account" defaultValue={filters.account ? String(filters.account) : ''} className={styles.control}>
            <option value="">{f.any}</option>
            {accounts.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label className={styles.field}>
          <span className={styles.fieldLabel}>{f.type}</span>
          <select name="type" defaultValue={filters.type ?? ''} className={styles.control}>
            <option value="">{f.any}</option>
            {CANONICAL_EVENT_TYPES.map((t) => (
              <option key={t} value={t}>
                {eventTypeLabel(t, labels.types)}
              </option>
            ))}
          </select>
        </label>
        <label className={styles.field}>
          <span className={styles.fieldLabel}>{f.from}</span>
          <input type="date" name="from" defaultValue={filters.from ?? ''} className={styles.control} />
        </label>
        <label className={styles.field}>
          <span className={styles.fieldLabel}>{f.to}</span>
          <input type="date" name="to" defaultValue={filters.to ?? ''} className={styles.control} />
        </label>
        <div className={styles.filterActions}>
          <button type="submit" className="btn btn-primary">
            {f.apply}
          </button>
          <Link href={filters.status ? `/webhooks?status=${filters.status}` : '/webhooks'} className="btn">
            {f.clear}
          </Link>
        </div>
      </Form>
      <p className={styles.hint}>{format(f.daysNote, { timezone: timeZone })}</p>
    </section>
  );
}
