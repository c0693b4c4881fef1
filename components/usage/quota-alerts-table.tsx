import { format, type Locale } from '@/lib/i18n/locale';
import type { QuotaAlertView } from '@/lib/quotas/usage';
import { formatInstant } from '@/components/webhooks/format-instant';
import { EmptyState } from '@/components/overview/empty-state';
import overview from '@/components/overview/overview.module.css';
import { quotaName } from './format-usage';
import type { MarketplaceLabels, UsageLabels } from './labels';
import styles from './usage.module.css';

/** The 80% and 100% alerts of the last week, worded from their kind and key. */
export function QuotaAlertsTable({
  alerts,
  labels,
  marketplaces,
  locale,
  timeZone,
}: {
  alerts: QuotaAlertView[];
  labels: UsageLabels;
  marketplaces: MarketplaceLabels;
  locale: Locale;
  timeZone: string;
}) {
  const t = labels.alerts;
  return (
    <section className={overview.panel} aria-labelledby="quota-alerts-title">
      <div className={overview.panelHeader}>
        <h2 id="quota-alerts-title" className={overview.panelTitle}>
          {t.title}
        </h2>
        <p className={overview.panelDescription}>{t.description}</p>
      </div>
      {alerts.length === 0 ? (
        <EmptyState title={t.empty} />
      ) : (
        <div className={overview.tableWrap}>
          <table className={overview.table}>
            <caption className="visually-hidden">{t.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.raised}</th>
                <th scope="col">{t.alert}</th>
                <th scope="col">{t.window}</th>
              </tr>
            </thead>
            <tbody>
              {alerts.map((a) => (
                <tr key={a.id}>
                  <td className={overview.nowrap}>{formatInstant(a.raisedAt, locale, timeZone, 'short')}</td>
                  <td className={a.level === 'warning' ? styles.alertWarning : styles.alertExhausted}>
                    {format(t[a.level], { quota: quotaName(a, labels, marketplaces) })}
                    {a.acknowledged ? <span className={overview.secondary}>{t.acknowledged}</span> : null}
                  </td>
                  <td className={overview.nowrap}>{a.windowStart ? formatInstant(a.windowStart, locale, timeZone, 'short') : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
