import { format, type Locale } from '@/lib/i18n/locale';
import type { QuotaStatus } from '@/lib/quotas/usage';
import { formatInstant } from '@/components/webhooks/format-instant';
import overview from '@/components/overview/overview.module.css';
import { formatAmount, formatCount, formatWait, quotaName } from './format-usage';
import type { MarketplaceLabels, UsageLabels } from './labels';
import { LimitForm, type SetLimitAction } from './limit-form';
import { QuotaBar } from './quota-bar';
import styles from './usage.module.css';

/** A projection closer than this is shown as a warning. */
const SOON_MS = 60 * 60_000;

function ProjectionText({ q, now, labels, locale, timeZone }: { q: QuotaStatus; now: number; labels: UsageLabels; locale: Locale; timeZone: string }) {
  const p = q.projection;
  if (p.kind === 'reached') return <span className={`${styles.projection} ${styles.projectionReached}`}>{labels.projection.reached}</span>;
  if (p.kind === 'at') {
    const text = format(labels.projection.at, { duration: formatWait(p.at - now, locale), time: formatInstant(new Date(p.at).toISOString(), locale, timeZone, 'short') });
    return <span className={`${styles.projection} ${p.at - now < SOON_MS ? styles.projectionSoon : ''}`}>{text}</span>;
  }
  return <span className={styles.projection}>{labels.projection[p.kind]}</span>;
}

/** One row per quota: use against limit with a bar, the window, the projection, and the limit box for admins. */
export function QuotaTable({
  quotas,
  now,
  setLimit,
  labels,
  marketplaces,
  locale,
  timeZone,
}: {
  quotas: QuotaStatus[];
  now: number;
  /** Only for admins. */
  setLimit: SetLimitAction | undefined;
  labels: UsageLabels;
  marketplaces: MarketplaceLabels;
  locale: Locale;
  timeZone: string;
}) {
  const t = labels.quotas;
  const hasApiQuota = quotas.some((q) => q.resource === 'api_calls_per_minute');
  return (
    <section className={overview.panel} aria-labelledby="quotas-title">
      <div className={overview.panelHeader}>
        <h2 id="quotas-title" className={overview.panelTitle}>
          {t.title}
        </h2>
        <p className={overview.panelDescription}>{t.description}</p>
      </div>
      <div className={overview.tableWrap}>
        <table className={overview.table}>
          <caption className="visually-hidden">{t.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.quota}</th>
              <th scope="col">{t.use}</th>
              <th scope="col">{t.projection}</th>
              <th scope="col">{t.limit}</th>
            </tr>
          </thead>
          <tbody>
            {quotas.map((q) => {
              const name = quotaName(q, labels, marketplaces);
              const figures =
                q.used === null ? t.notMeasured : format(t.usedOf, { used: formatAmount(q, q.used, locale), limit: formatAmount(q, q.limit, locale) });
              const windowText =
                q.window === 'total' ? labels.windows.total : format(labels.windows[q.window], { time: formatInstant(q.resetsAt ?? '', locale, timeZone, 'short') });
              return (
                <tr key={`${q.resource}:${q.scope}`} data-quota={q.scope ? `${q.resource}.${q.scope}` : q.resource}>
                  <th scope="row" className={styles.rowHeader}>
                    <span className={styles.quotaName}>{name}</span>
                    <span className={overview.secondary}>{windowText}</span>
                  </th>
                  <td>
                    <span className={styles.figures}>{figures}</span>
                    <QuotaBar percent={q.percent} label={name} valueText={figures} />
                    {q.percent !== null ? <span className={overview.secondary}>{format(t.percent, { percent: formatCount(q.percent, locale) })}</span> : null}
                  </td>
                  <td>
                    <ProjectionText q={q} now={now} labels={labels} locale={locale} timeZone={timeZone} />
                  </td>
                  <td>
                    {setLimit ? (
                      <LimitForm resource={q.resource} scope={q.scope} limit={q.limit} quotaName={name} setLimit={setLimit} labels={labels} />
                    ) : (
                      <span className={styles.figures}>{formatAmount(q, q.limit, locale)}</span>
                    )}
                    {q.isDefault ? <span className={overview.secondary}>{t.isDefault}</span> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {!hasApiQuota ? <p className={overview.note}>{t.noApiAccounts}</p> : null}
      {setLimit ? <p className={overview.note}>{labels.limitForm.hint}</p> : null}
    </section>
  );
}
