import { PageSkeleton } from '@/components/ui/page-skeleton';
import styles from './pricing.module.css';

/** Placeholder for the pricing pages' `loading.tsx`, shaped like the loaded page. */
export function PricingSkeleton({ label }: { label: string }) {
  return <PageSkeleton label={label} pageClassName={styles.page} panels={[{ rows: 1 }, { rows: 10 }]} />;
}
