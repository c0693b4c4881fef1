import type { Locale } from '@/lib/i18n/locale';
import { formatCount } from '@/components/overview/intl-format';
import styles from './jobs.module.css';

/** A run's counts as "Applied 12 · Failed 0", with the job's own names for its keys. */
export function RunCounts({
  counts,
  labels,
  empty,
  locale,
}: {
  counts: Record<string, number>;
  labels: Record<string, string>;
  empty: string;
  locale: Locale;
}) {
  const entries = Object.entries(counts);
  if (entries.length === 0) return <span className={styles.muted}>{empty}</span>;
  return (
    <ul className={styles.counts}>
      {entries.map(([key, value]) => (
        <li key={key}>
          <span className={styles.countLabel}>{labels[key] ?? key}</span> <strong>{formatCount(value, locale)}</strong>
        </li>
      ))}
    </ul>
  );
}
