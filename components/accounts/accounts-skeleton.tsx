import { PageSkeleton } from '@/components/ui/page-skeleton';
import styles from './accounts.module.css';

/** Placeholder for the accounts page's `loading.tsx`, shaped like the loaded page. */
export function AccountsSkeleton({ label }: { label: string }) {
  return <PageSkeleton label={label} pageClassName={styles.page} panels={[{ rows: 4 }, { title: true, rows: 2 }]} />;
}
