import Link from 'next/link';
import type { GdprRequest } from '@/lib/db/schema';
import type { Locale } from '@/lib/i18n/locale';
import { formatInstant } from '@/components/webhooks/format-instant';
import overview from '@/components/overview/overview.module.css';
import { DaysLeft } from './days-left';
import type { GdprLabels } from './labels';
import styles from './gdpr.module.css';
import { StatusBadge } from './status-badge';

/** Requests, soonest due first, with the days left in red near the deadline. */
export function RequestsTable({ rows, now, labels, locale, timeZone }: { rows: GdprRequest[]; now: Date; labels: GdprLabels; locale: Locale; timeZone: string }) {
  const t = labels.table;
  return (
    <div className={overview.tableWrap}>
      <table className={overview.table}>
        <thead>
          <tr>
            <th scope="col">{t.id}</th>
            <th scope="col">{t.type}</th>
            <th scope="col">{t.person}</th>
            <th scope="col">{t.source}</th>
            <th scope="col">{t.status}</th>
            <th scope="col">{t.received}</th>
            <th scope="col">{t.due}</th>
            <th scope="col">{t.daysLeft}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const closed = r.status === 'completed' || r.status === 'rejected';
            return (
              <tr key={r.id}>
                <th scope="row" className={styles.rowHeader}>
                  <Link href={`/gdpr/${r.id}`}>#{r.id}</Link>
                </th>
                <td>{labels.types[r.type]}</td>
                <td>
                  {r.email}
                  {r.requesterName ? <div>{r.requesterName}</div> : null}
                </td>
                <td>{labels.sources[r.source]}</td>
                <td>
                  <StatusBadge status={r.status} labels={labels.statuses} />
                </td>
                <td>{formatInstant(r.receivedAt.toISOString(), locale, timeZone, 'short')}</td>
                <td>
                  {formatInstant(r.dueAt.toISOString(), locale, timeZone, 'short')}
                  {r.extendedAt ? <div>({t.extended})</div> : null}
                </td>
                <td>
                  <DaysLeft dueAt={r.dueAt} now={now} closed={closed} labels={t} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
