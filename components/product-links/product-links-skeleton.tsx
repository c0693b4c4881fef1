import { PageSkeleton } from '@/components/ui/page-skeleton';
import styles from './product-links.module.css';

/** Placeholder for the products page's `loading.tsx`, shaped like the loaded page. */
export function ProductLinksSkeleton({ label }: { label: string }) {
  return <PageSkeleton label={label} pageClassName={styles.page} panels={[{ rows: 1 }, { rows: 10 }]} />;
}
