import type { WebhookEventStatus } from '@/lib/db/schema';
import styles from './webhooks.module.css';

const BADGE_CLASS: Record<WebhookEventStatus, string | undefined> = {
  pending: styles.badge_pending,
  done: styles.badge_done,
  failed: styles.badge_failed,
  dead: styles.badge_dead,
};

export function StatusBadge({ status, label }: { status: WebhookEventStatus; label: string }) {
  return <span className={`${styles.badge} ${BADGE_CLASS[status] ?? ''}`}>{label}</span>;
}
