import { format, type Locale } from '@/lib/i18n';
import type { LatestOrder } from '@/lib/overview';
import { EmptyState } from './empty-state';
import { formatDateTime, formatMoney } from './intl-format';
import styles from './overview.module.css';

export type LatestOrdersTableLabels = {
  title: string;
  order: string;
  customer: string;
  status: string;
  total: string;
  date: string;
  /** Holds `{id}`. */
  orderNumber: string;
  unknownStatus: string;
  empty: string;
  emptyHint: string;
};

export function LatestOrdersTable({
  orders,
  labels,
  locale,
}: {
  orders: LatestOrder[];
  labels: LatestOrdersTableLabels;
  locale: Locale;
}) {
  return (
    <section className={styles.panel} aria-labelledby="overview-latest-orders">
      <header className={styles.panelHeader}>
        <h2 id="overview-latest-orders" className={styles.panelTitle}>
          {labels.title}
        </h2>
      </header>
      {orders.length === 0 ? (
        <EmptyState title={labels.empty} hint={labels.emptyHint} />
      ) : (
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col">{labels.order}</th>
                <th scope="col">{labels.customer}</th>
                <th scope="col">{labels.status}</th>
                <th scope="col" className={styles.numeric}>
                  {labels.total}
                </th>
                <th scope="col" className={styles.hideOnPhone}>
                  {labels.date}
                </th>
              </tr>
            </thead>
            <tbody>
              {orders.map((order) => {
                const date = formatDateTime(order.dateAdded, locale);
                return (
                  <tr key={order.orderId}>
                    <td className={styles.nowrap}>{format(labels.orderNumber, { id: order.orderId })}</td>
                    <td>
                      {order.customerName}
                      <span className={styles.secondaryOnPhone}>{date}</span>
                    </td>
                    <td>
                      <span className={styles.status}>{order.statusName ?? labels.unknownStatus}</span>
                    </td>
                    <td className={styles.numeric}>{formatMoney(order.total, order.currencyCode, locale)}</td>
                    <td className={`${styles.nowrap} ${styles.hideOnPhone}`}>
                      <time dateTime={`${order.dateAdded.replace(' ', 'T')}Z`}>{date}</time>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
