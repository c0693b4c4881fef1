import overview from '@/components/overview/overview.module.css';
import styles from './webhooks.module.css';

const SKELETON_ROWS = 8;

/** Placeholder for the webhooks list's `loading.tsx`, shaped like the loaded page. */
export function WebhooksSkeleton({ label }: { label: string }) {
  return (
    <div role="status" aria-busy="true" aria-live="polite">
      <span className="visually-hidden">{label}</span>
      <div aria-hidden="true" className={styles.page}>
        <div className={`${overview.skeletonBlock} ${overview.skeletonTitle}`} />
        <div className={overview.panel}>
          <div className={`${overview.skeletonBlock} ${overview.skeletonTitle}`} />
          <div className={`${overview.skeletonBlock} ${overview.skeletonRow}`} />
        </div>
        <div className={overview.panel}>
          <div className={`${overview.skeletonBlock} ${overview.skeletonTitle}`} />
          {Array.from({ length: SKELETON_ROWS }, (_, i) => (
            <div key={i} className={`${overview.skeletonBlock} ${overview.skeletonRow}`} />
          ))}
        </div>
      </div>
    </div>
  );
}
