import { getLocale, openCurrentTenant } from '@/lib/auth/session';
import { format, getMessages } from '@/lib/i18n';
import { getOverview } from '@/lib/overview';
import { OverviewLayout } from '@/components/overview/overview-layout';
import { SummaryCards } from '@/components/overview/summary-cards';
import { RevenueChart } from '@/components/overview/revenue-chart';
import { LatestOrdersTable } from '@/components/overview/latest-orders-table';
import { LowStockTable } from '@/components/overview/low-stock-table';

export default async function OverviewPage() {
  const [locale, tenant] = await Promise.all([getLocale(), openCurrentTenant()]);
  const m = getMessages(locale).overview;
  const overview = await getOverview(tenant);
  const zone = { timezone: overview.timezone };
  return (
    <>
      <h1>{m.title}</h1>
      <OverviewLayout
        summary={<SummaryCards summary={overview.sales} labels={{ ...m.summary, note: format(m.summary.note, zone) }} locale={locale} />}
        chart={
          <RevenueChart
            points={overview.dailyRevenue}
            currencyCode={overview.currencyCode}
            labels={{ ...m.chart, description: format(m.chart.description, zone) }}
            locale={locale}
          />
        }
        latestOrders={<LatestOrdersTable orders={overview.latestOrders} labels={m.latestOrders} locale={locale} />}
        lowStock={
          <LowStockTable
            products={overview.lowStock.products}
            threshold={overview.lowStock.threshold}
            labels={m.lowStock}
            locale={locale}
          />
        }
      />
    </>
  );
}
