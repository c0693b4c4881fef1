import overview from '@/components/overview/overview.module.css';

export type SkeletonPanel = { title?: boolean; rows: number };

/**
 * The placeholder a page's `loading.tsx` shows, shaped like the loaded page: a title, optional summary
 * cards, then panels of rows. Screen readers hear only `label`.
 */
export function PageSkeleton({
  label,
  pageClassName,
  cards,
  panels,
}: {
  label: string;
  /** The loaded page's own layout class, so the placeholder sits where the content will. */
  pageClassName?: string;
  cards?: { count: number; meta?: boolean };
  panels: readonly SkeletonPanel[];
}) {
  const block = (kind?: string) => `${overview.skeletonBlock} ${kind}`;
  return (
    <div role="status" aria-busy="true" aria-live="polite">
      <span className="visually-hidden">{label}</span>
      <div aria-hidden="true" className={pageClassName}>
        <div className={block(overview.skeletonTitle)} />
        {cards ? (
          <div className={overview.cards}>
            {Array.from({ length: cards.count }, (_, i) => (
              <div key={i} className={overview.card}>
                <div className={block(overview.skeletonLabel)} />
                <div className={block(overview.skeletonValue)} />
                {cards.meta ? <div className={block(overview.skeletonMeta)} /> : null}
              </div>
            ))}
          </div>
        ) : null}
        {panels.map((panel, p) => (
          <div key={p} className={overview.panel}>
            {panel.title ? <div className={block(overview.skeletonTitle)} /> : null}
            {Array.from({ length: panel.rows }, (_, i) => (
              <div key={i} className={block(overview.skeletonRow)} />
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}
