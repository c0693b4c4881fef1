import overview from '@/components/overview/overview.module.css';
import styles from './backups.module.css';

export function BackupsSkeleton({ label }: { label: string }) {
  return (
    <div className={styles.page} aria-busy="true">
      <p role="status" className={styles.hint}>
        {label}
      </p>
      <section className={overview.panel} />
    </div>
  );
}
