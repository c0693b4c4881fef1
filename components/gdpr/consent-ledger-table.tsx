import type { GdprConsent } from '@/lib/db/schema';
import type { Locale } from '@/lib/i18n/locale';
import { formatInstant } from '@/components/webhooks/format-instant';
import overview from '@/components/overview/overview.module.css';
import type { GdprLabels } from './labels';

export function ConsentLedgerTable({ rows, labels, locale, timeZone }: { rows: GdprConsent[]; labels: GdprLabels; locale: Locale; timeZone: string }) {
  const c = labels.consent;
  return (
    <div className={overview.tableWrap}>
      <table className={overview.table}>
        <thead>
          <tr>
            <th scope="col">{c.table.at}</th>
            <th scope="col">{c.table.email}</th>
            <th scope="col">{c.table.purpose}</th>
            <th scope="col">{c.table.action}</th>
            <th scope="col">{c.table.basis}</th>
            <th scope="col">{c.table.source}</th>
            <th scope="col">{c.table.ip}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>{formatInstant(r.recordedAt.toISOString(), locale, timeZone, 'short')}</td>
              <td>{r.email}</td>
              <td>{c.purposes[r.purpose]}</td>
              <td>{c.actions[r.action]}</td>
              <td>{c.legalBases[r.legalBasis]}</td>
              <td>{c.sources[r.source]}</td>
              <td>{r.ip}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
