import { PageSkeleton } from '@/components/ui/page-skeleton';
import styles from '@/components/accounts/accounts.module.css';

/** Placeholder for the shops page's `loading.tsx`, shaped like the loaded page. */
export function TenantsSkeleton({ label }: { label: string }) {
  return <PageSkeleton label={label} pageClassName={styles.page} panels={[{ rows: 4 }]} />;
}
