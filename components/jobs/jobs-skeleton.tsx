import overview from '@/components/overview/overview.module.css';
import styles from './jobs.module.css';

const SKELETON_CARDS = 3;
const SKELETON_ROWS = 8;

/** Placeholder for the jobs page's `loading.tsx`, shaped like the loaded page. */
export function JobsSkeleton({ label }: { label: string }) {
  return (
    <div role="status" aria-busy="true" aria-live="polite">
      <span className="visually-hidden">{label}</span>
      <div aria-hidden="true" className={styles.page}>
        <div className={`${overview.skeletonBlock} ${overview.skeletonTitle}`} />
        <div className={styles.cards}>
          {Array.from({ length: SKELETON_CARDS }, (_, i) => (
            <div key={i} className={styles.card}>
              <div className={`${overview.skeletonBlock} ${overview.skeletonLabel}`} />
              <div className={`${overview.skeletonBlock} ${overview.skeletonValue}`} />
              <div className={`${overview.skeletonBlock} ${overview.skeletonMeta}`} />
            </div>
          ))}
        </div>
        <div className={overview.panel}>
          <div className={`${overview.skeletonBlock} ${overview.skeletonTitle}`} />
          <div className={overview.chartFrame}>
            <div className={`${overview.skeletonBlock} ${overview.skeletonChart}`} />
          </div>
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
