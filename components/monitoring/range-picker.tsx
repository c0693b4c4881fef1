import Link from 'next/link';
import { MONITORING_RANGES, type MonitoringRange } from '@/lib/monitoring/dashboard/range';
import type { MonitoringLabels } from '@/lib/i18n/messages/monitoring';
import styles from './monitoring.module.css';

/** Range and shop-scope choices as links, so the address says what is shown and the back button works. */
export function RangePicker({
  range,
  scope,
  mayViewAll,
  labels,
}: {
  range: MonitoringRange;
  scope: 'tenant' | 'all';
  mayViewAll: boolean;
  labels: MonitoringLabels;
}) {
  const href = (r: MonitoringRange, s: 'tenant' | 'all') => `/monitoring?range=${r}${s === 'all' ? '&scope=all' : ''}`;
  return (
    <div className={styles.pickers}>
      <nav className={styles.picker} aria-label={labels.range.label}>
        {MONITORING_RANGES.map((r) => (
          <Link key={r} href={href(r, scope)} aria-current={r === range ? 'true' : undefined}>
            {labels.range[r]}
          </Link>
        ))}
      </nav>
      {mayViewAll ? (
        <nav className={styles.picker} aria-label={labels.scope.label}>
          {(['tenant', 'all'] as const).map((s) => (
            <Link key={s} href={href(range, s)} aria-current={s === scope ? 'true' : undefined}>
              {labels.scope[s]}
            </Link>
          ))}
        </nav>
      ) : null}
    </div>
  );
}
