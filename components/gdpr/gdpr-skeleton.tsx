import { PageSkeleton } from '@/components/ui/page-skeleton';
import styles from './gdpr.module.css';

/** Placeholder for the GDPR pages' `loading.tsx`, shaped like the loaded page. */
export function GdprSkeleton({ label }: { label: string }) {
  return <PageSkeleton label={label} pageClassName={styles.page} cards={{ count: 3 }} panels={[{ rows: 6 }]} />;
}
