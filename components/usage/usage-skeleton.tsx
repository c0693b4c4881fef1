import { PageSkeleton } from '@/components/ui/page-skeleton';
import styles from './usage.module.css';

/** Placeholder for the usage page's `loading.tsx`, shaped like the loaded page. */
export function UsageSkeleton({ label }: { label: string }) {
  return <PageSkeleton label={label} pageClassName={styles.page} cards={{ count: 4, meta: true }} panels={[{ rows: 6 }]} />;
}
