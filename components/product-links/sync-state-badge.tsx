import type { ListingSyncState } from '@/lib/sync/product-links/listing-sync-state';
import styles from './product-links.module.css';

const BADGE_CLASS: Record<ListingSyncState, string | undefined> = {
  held: styles.badge_held,
  failed: styles.badge_failed,
  pending: styles.badge_pending,
  sent: styles.badge_sent,
  in_sync: styles.badge_in_sync,
  changed: styles.badge_changed,
};

/** Colour and text together, never colour alone. */
export function SyncStateBadge({ state, label }: { state: ListingSyncState; label: string }) {
  return <span className={`${styles.badge} ${BADGE_CLASS[state] ?? ''}`}>{label}</span>;
}
