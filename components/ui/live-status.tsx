'use client';

import { format, type Locale } from '@/lib/i18n/locale';
import { formatClock } from '@/components/webhooks/format-instant';
import styles from './live-status.module.css';

const MS_PER_SECOND = 1_000;

/**
 * The line above a page that refreshes itself: when its figures were last read, how often, and an alert
 * while a refresh fails (the last figures stay shown).
 */
export function LiveStatus({
  updatedAt,
  refreshMs,
  failed,
  labels,
  locale,
  timeZone,
}: {
  updatedAt: number;
  refreshMs: number;
  failed: boolean;
  labels: { updated: string; every: string; failed: string };
  locale: Locale;
  timeZone: string;
}) {
  return (
    <div className={styles.toolbar}>
      {failed ? (
        <p className={styles.error} role="alert">
          {labels.failed}
        </p>
      ) : (
        <span />
      )}
      <p className={styles.updated} aria-live="off" title={format(labels.every, { seconds: refreshMs / MS_PER_SECOND })}>
        {format(labels.updated, { time: formatClock(updatedAt, locale, timeZone) })}
      </p>
    </div>
  );
}
