import overview from '@/components/overview/overview.module.css';
import styles from './gdpr.module.css';

const SKELETON_CARDS = 3;
const SKELETON_ROWS = 6;

/** Placeholder for the GDPR pages' `loading.tsx`, shaped like the request list. */
export function GdprSkeleton({ label }: { label: string }) {
  return (
    <div role="status" aria-busy="true" aria-live="polite">
      <span className="visually-hidden">{label}</span>
      <div aria-hidden="true" className={styles.page}>
        <div className={`${overview.skeletonBlock} ${overview.skeletonTitle}`} />
        <div className={overview.cards}>
          {Array.from({ length: SKELETON_CARDS }, (_, i) => (
            <div key={i} className={overview.card}>
              <div className={`${overview.skeletonBlock} ${overview.skeletonLabel}`} />
              <div className={`${overview.skeletonBlock} ${overview.skeletonValue}`} />
            </div>
          ))}
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
