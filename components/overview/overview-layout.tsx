import styles from './overview.module.css';

/** The overview's arrangement, shared by the page and its loading skeleton so both have the same shape. */
export function OverviewLayout({
  summary,
  chart,
  latestOrders,
  lowStock,
}: {
  summary: React.ReactNode;
  chart: React.ReactNode;
  latestOrders: React.ReactNode;
  lowStock: React.ReactNode;
}) {
  return (
    <div className={styles.layout}>
      {summary}
      {chart}
      <div className={styles.tables}>
        {latestOrders}
        {lowStock}
      </div>
    </div>
  );
}
