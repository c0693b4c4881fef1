import overview from '@/components/overview/overview.module.css';
import styles from './pricing.module.css';

const SKELETON_ROWS = 10;

/** Placeholder for the pricing pages' `loading.tsx`, shaped like the list. */
export function PricingSkeleton({ label }: { label: string }) {
  return (
    <div role="status" aria-busy="true" aria-live="polite">
      <span className="visually-hidden">{label}</span>
      <div aria-hidden="true" className={styles.page}>
        <div className={`${overview.skeletonBlock} ${overview.skeletonTitle}`} />
        <div className={overview.panel}>
          <div className={`${overview.skeletonBlock} ${overview.skeletonRow}`} />
        </div>
        <div className={overview.panel}>
          {Array.from({ length: SKELETON_ROWS }, (_, i) => (
            <div key={i} className={`${overview.skeletonBlock} ${overview.skeletonRow}`} />
          ))}
        </div>
      </div>
    </div>
  );
}
