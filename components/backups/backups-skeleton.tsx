import { PageSkeleton } from '@/components/ui/page-skeleton';
import styles from './backups.module.css';

/** Placeholder for the backups page's `loading.tsx`, shaped like the loaded page. */
export function BackupsSkeleton({ label }: { label: string }) {
  return <PageSkeleton label={label} pageClassName={styles.page} panels={[{ title: true, rows: 2 }, { rows: 8 }]} />;
}
