import overview from '@/components/overview/overview.module.css';
import styles from './usage.module.css';

const SKELETON_CARDS = 4;
const SKELETON_ROWS = 6;

export function UsageSkeleton({ label }: { label: string }) {
  return (
    <div role="status" aria-busy="true" aria-live="polite">
      <span className="visually-hidden">{label}</span>
      <div aria-hidden="true" className={styles.page}>
        <div className={`${overview.skeletonBlock} ${overview.skeletonTitle}`} />
        <ul className={overview.cards}>
          {Array.from({ length: SKELETON_CARDS }, (_, i) => (
            <li key={i} className={overview.card}>
              <div className={`${overview.skeletonBlock} ${overview.skeletonLabel}`} />
              <div className={`${overview.skeletonBlock} ${overview.skeletonValue}`} />
              <div className={`${overview.skeletonBlock} ${overview.skeletonMeta}`} />
            </li>
          ))}
        </ul>
        <div className={overview.panel}>
          {Array.from({ length: SKELETON_ROWS }, (_, i) => (
            <div key={i} className={`${overview.skeletonBlock} ${overview.skeletonRow}`} />
          ))}
        </div>
      </div>
    </div>
  );
}
