import type { ErasureReport } from '@/lib/gdpr/run-erasure';
import { format, type Locale } from '@/lib/i18n/locale';
import { formatCount } from '@/components/overview/intl-format';
import overview from '@/components/overview/overview.module.css';
import type { GdprLabels } from './labels';
import styles from './gdpr.module.css';

/** Each table of the erasure with the rows found at planning and the rows its step changed. */
export function ErasureReportTable({ report, labels, locale }: { report: ErasureReport; labels: GdprLabels; locale: Locale }) {
  const e = labels.erasure;
  return (
    <>
      <p className={styles.mono}>{format(e.pseudonym, { pseudonym: report.pseudonym })}</p>
      <div className={overview.tableWrap}>
        <table className={overview.table} aria-label={e.report}>
          <thead>
            <tr>
              <th scope="col">{e.table}</th>
              <th scope="col">{e.action}</th>
              <th scope="col" className={overview.numeric}>
                {e.planned}
              </th>
              <th scope="col" className={overview.numeric}>
                {e.affected}
              </th>
            </tr>
          </thead>
          <tbody>
            {report.lines.map((l) => (
              <tr key={`${l.key}:${l.action}`}>
                <th scope="row" className={styles.rowHeader}>{l.table}</th>
                <td>{e.actions[l.action]}</td>
                <td className={overview.numeric}>{formatCount(l.planned, locale)}</td>
                <td className={overview.numeric}>{l.affected === null ? e.pending : formatCount(l.affected, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
