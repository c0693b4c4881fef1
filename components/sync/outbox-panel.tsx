import Link from 'next/link';
import { format, getMessages, type Locale } from '@/lib/i18n';
import { OUTBOX_PANEL_STATUSES, OUTBOX_QUERY_NAMES, type OutboxPanelData, type OutboxPanelStatus } from '@/lib/sync/outbox-panel-query';
import { EmptyState } from '@/components/overview/empty-state';
import { formatCount, formatMoney } from '@/components/overview/intl-format';
import { Pagination } from '@/components/ui/pagination';
import { formatInstant } from '@/components/webhooks/format-instant';
import { RefreshWhilePending } from '@/components/webhooks/refresh-while-pending';
import overview from '@/components/overview/overview.module.css';
import styles from './outbox-panel.module.css';

export type OutboxPanelProps = {
  /** getOutboxPanelData(mainDb, tenantId, readOutboxPanelParams(searchParams)) from lib/sync/outbox-panel-query. */
  data: OutboxPanelData;
  /** The hosting page's query string: tab and page links keep every parameter but `outbox` and `outboxPage`. */
  searchParams: Record<string, string | string[] | undefined>;
  /** The hosting page's path, e.g. `/jobs`. */
  basePath: string;
  locale: Locale;
  /** The shop's time zone (shopTimeZone(getStoreSettings(tenant))). */
  timeZone: string;
  /** The shop's currency (config_currency), for held prices; items carry their own. */
  currency: string;
  /** Re-render the page every few seconds while items are queued or waiting for a result (default true). */
  live?: boolean;
};

function hrefWith(basePath: string, searchParams: OutboxPanelProps['searchParams'], status: OutboxPanelStatus, page: number): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(searchParams)) {
    if (name === OUTBOX_QUERY_NAMES.status || name === OUTBOX_QUERY_NAMES.page || value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) params.append(name, one);
  }
  params.set(OUTBOX_QUERY_NAMES.status, status);
  if (page > 1) params.set(OUTBOX_QUERY_NAMES.page, String(page));
  return `${basePath}?${params.toString()}`;
}

/**
 * The stock and price outbox for the jobs page: queued, sent, refused, held and confirmed items with
 * the marketplace's reasons, one tab and page at a time (a server component; it renders what the
 * page read and builds its links from the page's query string).
 *
 * Usage in a server page:
 *   const data = await getOutboxPanelData(mainDb, tenantId, readOutboxPanelParams(searchParams));
 *   <OutboxPanel data={data} searchParams={searchParams} basePath="/jobs" locale={locale} timeZone={timeZone} currency={currency} />
 */
export function OutboxPanel({ data, searchParams, basePath, locale, timeZone, currency, live = true }: OutboxPanelProps) {
  const m = getMessages(locale).products.outbox;
  const marketplaces = getMessages(locale).webhooks.marketplaces;
  const money = (amount: string, code: string | null) => formatMoney(amount, code ?? currency, locale);
  const held = data.status === 'held';
  return (
    <section className={overview.panel} aria-labelledby="outbox-panel-title">
      <header className={overview.panelHeader}>
        <h2 id="outbox-panel-title" className={overview.panelTitle}>
          {m.title}
        </h2>
        <p className={overview.panelDescription}>{m.description}</p>
      </header>
      <nav className={styles.tabs} aria-label={m.tabs.label}>
        {OUTBOX_PANEL_STATUSES.map((status) => (
          <Link
            key={status}
            href={hrefWith(basePath, searchParams, status, 1)}
            className={styles.tab}
            aria-current={status === data.status ? 'page' : undefined}
            scroll={false}
          >
            {m.tabs[status]} <span className={styles.tabCount}>{formatCount(data.counts[status], locale)}</span>
          </Link>
        ))}
      </nav>
      {held && data.rows.length > 0 ? (
        <p className={styles.reviewLink}>
          <Link href="/products?filter=attention">{m.reviewLink}</Link>
        </p>
      ) : null}
      {data.rows.length === 0 ? (
        <EmptyState title={m.empty[data.status]} />
      ) : (
        <div className={overview.tableWrap}>
          <table className={overview.table}>
            <caption className="visually-hidden">{m.table.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{m.table.listing}</th>
                <th scope="col" className={overview.hideOnPhone}>
                  {m.table.account}
                </th>
                {held ? null : (
                  <th scope="col" className={overview.numeric}>
                    {m.table.stock}
                  </th>
                )}
                <th scope="col" className={overview.numeric}>
                  {m.table.price}
                </th>
                {held ? null : (
                  <th scope="col" className={overview.numeric}>
                    {m.table.attempts}
                  </th>
                )}
                <th scope="col">{m.table.reason}</th>
                <th scope="col" className={overview.hideOnPhone}>
                  {m.table.updated}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((row) => (
                <tr key={row.key}>
                  <td>
                    <span className={styles.mono}>{row.marketplaceSku}</span>
                    {row.productId !== null ? <span className={overview.secondary}>{format(m.table.product, { id: row.productId })}</span> : null}
                  </td>
                  <td className={overview.hideOnPhone}>
                    {row.accountName ?? format(m.table.unknownAccount, { id: row.accountId })}
                    {row.marketplace ? <span className={overview.secondary}>{marketplaces[row.marketplace]}</span> : null}
                  </td>
                  {held ? null : <td className={overview.numeric}>{row.quantity === null ? '—' : formatCount(row.quantity, locale)}</td>}
                  <td className={overview.numeric}>
                    {row.previousPrice !== null
                      ? format(m.table.priceChange, { from: money(row.previousPrice, row.currency), to: money(row.price, row.currency) })
                      : money(row.price, row.currency)}
                  </td>
                  {held ? null : <td className={overview.numeric}>{formatCount(row.attempts, locale)}</td>}
                  <td>
                    {row.reason ? <span className={styles.reason}>{row.reason}</span> : null}
                    {row.batchId ? (
                      <span className={`${overview.secondary} ${styles.mono}`} title={m.table.batch}>
                        {row.batchId}
                      </span>
                    ) : null}
                  </td>
                  <td className={overview.hideOnPhone}>
                    <time dateTime={row.at}>{formatInstant(row.at, locale, timeZone, 'short')}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination scroll={false}
        page={data.page}
        pageCount={data.pageCount}
        total={data.total}
        hrefFor={(page) => hrefWith(basePath, searchParams, data.status, page)}
        labels={m.pagination}
        locale={locale}
      />
      {live ? <RefreshWhilePending active={data.counts.pending + data.counts.sent > 0} /> : null}
    </section>
  );
}
