import { OverviewLayout } from './overview-layout';
import styles from './overview.module.css';

const SKELETON_CARDS = 3;
const SKELETON_ROWS = 5;

function PanelSkeleton({ rows }: { rows: number }) {
  return (
    <div className={styles.panel}>
      <div className={`${styles.skeletonBlock} ${styles.skeletonTitle}`} />
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className={`${styles.skeletonBlock} ${styles.skeletonRow}`} />
      ))}
    </div>
  );
}

/** Placeholder for `loading.tsx`, laid out like the loaded overview. */
export function OverviewSkeleton({ label }: { label: string }) {
  return (
    <div role="status" aria-busy="true" aria-live="polite">
      <span className="visually-hidden">{label}</span>
      <div aria-hidden="true">
        <OverviewLayout
          summary={
            <ul className={styles.cards}>
              {Array.from({ length: SKELETON_CARDS }, (_, i) => (
                <li key={i} className={styles.card}>
                  <div className={`${styles.skeletonBlock} ${styles.skeletonLabel}`} />
                  <div className={`${styles.skeletonBlock} ${styles.skeletonValue}`} />
                  <div className={`${styles.skeletonBlock} ${styles.skeletonMeta}`} />
                </li>
              ))}
            </ul>
          }
          chart={
            <div className={styles.panel}>
              <div className={`${styles.skeletonBlock} ${styles.skeletonTitle}`} />
              <div className={styles.chartFrame}>
                <div className={`${styles.skeletonBlock} ${styles.skeletonChart}`} />
              </div>
            </div>
          }
          latestOrders={<PanelSkeleton rows={SKELETON_ROWS} />}
          lowStock={<PanelSkeleton rows={SKELETON_ROWS} />}
        />
      </div>
    </div>
  );
}
