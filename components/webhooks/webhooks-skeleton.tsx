import { PageSkeleton } from '@/components/ui/page-skeleton';
import styles from './webhooks.module.css';

/** Placeholder for the webhooks list's `loading.tsx`, shaped like the loaded page. */
export function WebhooksSkeleton({ label }: { label: string }) {
  return <PageSkeleton label={label} pageClassName={styles.page} panels={[{ title: true, rows: 1 }, { title: true, rows: 8 }]} />;
}
