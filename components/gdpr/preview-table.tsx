import type { PersonPreview } from '@/lib/gdpr/find-person';
import { format, type Locale } from '@/lib/i18n/locale';
import { formatCount } from '@/components/overview/intl-format';
import overview from '@/components/overview/overview.module.css';
import type { GdprLabels } from './labels';
import styles from './gdpr.module.css';

/** Every table searched and its rows about the person, before anything is done. */
export function PreviewTable({ preview, labels, locale }: { preview: PersonPreview; labels: GdprLabels; locale: Locale }) {
  const p = labels.preview;
  const newsletter = preview.newsletter === null ? p.noAccount : preview.newsletter ? p.subscribed : p.notSubscribed;
  return (
    <>
      <p>
        {format(p.keys, { customers: preview.keys.customerIds.length, orders: preview.keys.orderIds.length, emails: preview.keys.emails.length })}{' '}
        {format(p.newsletter, { state: newsletter })}
      </p>
      <div className={overview.tableWrap}>
        <table className={overview.table} aria-label={p.title}>
          <thead>
            <tr>
              <th scope="col">{p.table}</th>
              <th scope="col" className={overview.numeric}>
                {p.rows}
              </th>
              <th scope="col">{p.action}</th>
            </tr>
          </thead>
          <tbody>
            {preview.tables.map((t) => (
              <tr key={t.key}>
                <th scope="row" className={styles.rowHeader}>{t.table}</th>
                <td className={overview.numeric}>{formatCount(t.rows, locale)}</td>
                <td>{t.key === 'msc_gdpr_export' ? p.exportFiles : p.actions[t.erasure]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
