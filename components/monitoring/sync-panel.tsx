import { format, type Locale } from '@/lib/i18n/locale';
import type { MonitoringLabels } from '@/lib/i18n/messages/monitoring';
import type { MonitoringData } from '@/lib/monitoring/dashboard/get-monitoring-data';
import { EmptyState } from '@/components/overview/empty-state';
import styles from '@/components/overview/overview.module.css';
import { formatInstant } from '@/components/webhooks/format-instant';
import { formatDuration, formatInteger } from './format';

export function SyncPanel({ data, labels, locale, timeZone }: { data: MonitoringData; labels: MonitoringLabels; locale: Locale; timeZone: string }) {
  const s = labels.sync;
  const names = [...new Set([...data.live.pushed.map((p) => p.marketplace), ...data.api.byMarketplace.map((a) => a.marketplace)])].sort();
  return (
    <section className={styles.panel} aria-labelledby="sync-title">
      <div className={styles.panelHeader}>
        <h2 id="sync-title" className={styles.panelTitle}>
          {s.title}
        </h2>
        <p className={styles.panelDescription}>{s.description}</p>
      </div>
      {data.live.circuits.map((c, i) => (
        <p key={`${c.marketplace}-${i}`} className={styles.note} role="status">
          <strong>{c.state === 'open' ? s.circuitOpen : s.circuitHalfOpen}</strong>: {c.marketplace}
          {c.since ? ` (${format(s.since, { time: formatInstant(c.since, locale, timeZone) })})` : ''}
          {c.lastErrorKind ? ` · ${c.lastErrorKind}` : ''}
        </p>
      ))}
      {names.length === 0 ? (
        <EmptyState title={s.empty} />
      ) : (
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">{s.marketplace}</th>
                <th scope="col" className={styles.numeric}>{s.pushed}</th>
                <th scope="col" className={styles.numeric}>{s.confirmed}</th>
                <th scope="col" className={styles.numeric}>{s.refused}</th>
                <th scope="col" className={styles.numeric}>{s.calls}</th>
                <th scope="col" className={styles.numeric}>{s.errors}</th>
                <th scope="col" className={styles.numeric}>{s.rateLimited}</th>
                <th scope="col" className={styles.numeric}>{s.avg}</th>
              </tr>
            </thead>
            <tbody>
              {names.map((name) => {
                const p = data.live.pushed.find((x) => x.marketplace === name);
                const a = data.api.byMarketplace.find((x) => x.marketplace === name);
                return (
                  <tr key={name}>
                    <th scope="row">{name}</th>
                    <td className={styles.numeric}>{formatInteger(p?.items ?? 0, locale)}</td>
                    <td className={styles.numeric}>{formatInteger(p?.ok ?? 0, locale)}</td>
                    <td className={styles.numeric}>{formatInteger(p?.failed ?? 0, locale)}</td>
                    <td className={styles.numeric}>{formatInteger(a?.calls ?? 0, locale)}</td>
                    <td className={styles.numeric}>{formatInteger(a?.errors ?? 0, locale)}</td>
                    <td className={styles.numeric}>{formatInteger(a?.rateLimited ?? 0, locale)}</td>
                    <td className={styles.numeric}>{a?.avgMs === null || a?.avgMs === undefined ? '–' : formatDuration(a.avgMs, locale)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
