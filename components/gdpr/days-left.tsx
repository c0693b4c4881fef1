import { format } from '@/lib/i18n/locale';
import { daysLeft, DUE_SOON_DAYS } from '@/lib/gdpr/deadlines';
import type { GdprLabels } from './labels';
import styles from './gdpr.module.css';

/** Days until the legal deadline, red from DUE_SOON_DAYS before it. Closed requests show nothing. */
export function DaysLeft({ dueAt, now, closed, labels }: { dueAt: Date; now: Date; closed: boolean; labels: GdprLabels['table'] }) {
  if (closed) return <span>–</span>;
  const days = daysLeft(dueAt, now);
  if (days < 0) return <span className={styles.overdue}>{format(labels.overdue, { days: -days })}</span>;
  if (days === 0) return <span className={styles.overdue}>{labels.dueToday}</span>;
  return <span className={days <= DUE_SOON_DAYS ? styles.soon : undefined}>{days === 1 ? labels.oneDay : format(labels.days, { days })}</span>;
}
