import { format, type Locale } from '@/lib/i18n';
import type { SalesPeriod, SalesSummary } from '@/lib/overview';
import { formatCount, formatMoney, pluralLabel } from './intl-format';
import styles from './overview.module.css';

export type SummaryCardsLabels = {
  heading: string;
  today: string;
  last7Days: string;
  last30Days: string;
  revenue: string;
  orderCount: { one: string; other: string };
  note: string;
};

const PERIODS = ['today', 'last7Days', 'last30Days'] as const;

export function SummaryCards({
  summary,
  labels,
  locale,
}: {
  summary: SalesSummary;
  labels: SummaryCardsLabels;
  locale: Locale;
}) {
  return (
    <section aria-labelledby="overview-summary-heading">
      <h2 id="overview-summary-heading" className="visually-hidden">
        {labels.heading}
      </h2>
      <ul className={styles.cards}>
        {PERIODS.map((period) => (
          <SummaryCard
            key={period}
            title={labels[period]}
            sales={summary[period]}
            currencyCode={summary.currencyCode}
            labels={labels}
            locale={locale}
          />
        ))}
      </ul>
      <p className={styles.note}>{labels.note}</p>
    </section>
  );
}

function SummaryCard({
  title,
  sales,
  currencyCode,
  labels,
  locale,
}: {
  title: string;
  sales: SalesPeriod;
  currencyCode: string;
  labels: SummaryCardsLabels;
  locale: Locale;
}) {
  const orders = format(pluralLabel(labels.orderCount, sales.orders, locale), { count: formatCount(sales.orders, locale) });
  return (
    <li className={styles.card}>
      <h3 className={styles.cardLabel}>{title}</h3>
      <p className={styles.cardValue}>
        <span className="visually-hidden">{labels.revenue}: </span>
        {formatMoney(sales.revenue, currencyCode, locale)}
      </p>
      <p className={styles.cardMeta}>{orders}</p>
    </li>
  );
}
