import { format, type Locale } from '@/lib/i18n';
import type { LowStockProduct } from '@/lib/overview';
import { EmptyState } from './empty-state';
import { formatCount } from './intl-format';
import styles from './overview.module.css';

export type LowStockTableLabels = {
  title: string;
  /** Holds `{threshold}`. */
  description: string;
  product: string;
  model: string;
  sku: string;
  quantity: string;
  unnamed: string;
  empty: string;
  /** Holds `{threshold}`. */
  emptyHint: string;
};

export function LowStockTable({
  products,
  threshold,
  labels,
  locale,
}: {
  products: LowStockProduct[];
  threshold: number;
  labels: LowStockTableLabels;
  locale: Locale;
}) {
  const values = { threshold: formatCount(threshold, locale) };
  return (
    <section className={styles.panel} aria-labelledby="overview-low-stock">
      <header className={styles.panelHeader}>
        <h2 id="overview-low-stock" className={styles.panelTitle}>
          {labels.title}
        </h2>
        <p className={styles.panelDescription}>{format(labels.description, values)}</p>
      </header>
      {products.length === 0 ? (
        <EmptyState title={labels.empty} hint={format(labels.emptyHint, values)} />
      ) : (
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">{labels.product}</th>
                <th scope="col" className={styles.hideOnPhone}>
                  {labels.model}
                </th>
                <th scope="col" className={styles.hideOnPhone}>
                  {labels.sku}
                </th>
                <th scope="col" className={styles.numeric}>
                  {labels.quantity}
                </th>
              </tr>
            </thead>
            <tbody>
              {products.map((product) => (
                <tr key={product.productId}>
                  <td>
                    {product.name ?? labels.unnamed}
                    <span className={styles.secondaryOnPhone}>
                      {[product.model, product.sku].filter(Boolean).join(' · ')}
                    </span>
                  </td>
                  <td className={styles.hideOnPhone}>{product.model}</td>
                  <td className={styles.hideOnPhone}>{product.sku}</td>
                  <td className={styles.numeric}>
                    <span className={`${styles.quantity} ${product.quantity <= 0 ? styles.quantityOut : ''}`}>
                      {formatCount(product.quantity, locale)}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
