import type { GdprRequestStatus } from '@/lib/db/schema';
import type { GdprLabels } from './labels';
import styles from './gdpr.module.css';

const CLASS: Record<GdprRequestStatus, string> = {
  unverified: styles.badgeWaiting!,
  open: styles.badgeOpen!,
  in_progress: styles.badgeOpen!,
  completed: styles.badgeDone!,
  rejected: styles.badgeRejected!,
};

export function StatusBadge({ status, labels }: { status: GdprRequestStatus; labels: GdprLabels['statuses'] }) {
  return <span className={`${styles.badge} ${CLASS[status]}`}>{labels[status]}</span>;
}
