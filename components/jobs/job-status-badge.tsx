import type { JobRunStatus } from '@/lib/db/schema/job-runs';
import styles from './jobs.module.css';

const BADGE_CLASS: Record<JobRunStatus, string | undefined> = {
  running: styles.badge_running,
  succeeded: styles.badge_succeeded,
  failed: styles.badge_failed,
  skipped: styles.badge_skipped,
  abandoned: styles.badge_abandoned,
};

/** Colour and text together, never colour alone. */
export function JobStatusBadge({ status, label }: { status: JobRunStatus; label: string }) {
  return <span className={`${styles.badge} ${BADGE_CLASS[status] ?? ''}`}>{label}</span>;
}
