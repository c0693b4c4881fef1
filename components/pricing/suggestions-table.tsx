'use client';

import Link from 'next/link';
import { useState } from 'react';
import { format, type Locale } from '@/lib/i18n/locale';
import type { SuggestionListRow } from '@/lib/pricing/queries/list-suggestions';
import type { SuggestionSort } from '@/lib/pricing/queries/suggestion-list-query';
import { formatCount, formatMoney } from '@/components/overview/intl-format';
import overview from '@/components/overview/overview.module.css';
import { OutcomeMessage } from '@/components/product-links/outcome-message';
import { useServerAction } from '@/components/ui/use-server-action';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import type { BulkAcceptAction, PricingLabels } from './labels';
import styles from './pricing.module.css';

export type SortLinks = Record<SuggestionSort, { href: string; current: boolean }>;

function Delta({ value, money }: { value: number; money: (n: number) => string }) {
  const className = value > 0 ? styles.up : value < 0 ? styles.down : undefined;
  return <span className={className}>{`${value > 0 ? '+' : ''}${money(value)}`}</span>;
}

/** The suggestions of one page: sortable headers (links), row selection and a confirmed bulk accept for admins. */
export function SuggestionsTable({
  rows,
  currency,
  sort,
  sortLinks,
  bulkAccept,
  labels,
  locale,
}: {
  rows: SuggestionListRow[];
  currency: string;
  sort: SuggestionSort;
  sortLinks: SortLinks;
  bulkAccept: BulkAcceptAction | null;
  labels: PricingLabels;
  locale: Locale;
}) {
  const t = labels.table;
  const money = (n: number) => formatMoney(n, currency, locale);
  const selectable = rows.filter((r) => r.status === 'open');
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const { run, pending, outcome } = useServerAction(labels.errors.generic);
  const toggle = (id: number) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const allSelected = selectable.length > 0 && selectable.every((r) => selected.has(r.productId));
  const header = (key: SuggestionSort, text: string) => (
    <Link href={sortLinks[key].href} className={styles.sortLink} aria-current={sortLinks[key].current ? 'true' : undefined} aria-label={format(t.sortBy, { column: t.sorts[key] })}>
      {text}
      {sortLinks[key].current ? ' ▾' : ''}
    </Link>
  );

  return (
    <div>
      {bulkAccept ? (
        <div className={styles.toolbar}>
          <button type="button" className="btn btn-primary" disabled={selected.size === 0 || pending} onClick={() => setConfirming(true)}>
            {format(labels.bulk.accept, { count: selected.size })}
          </button>
          <OutcomeMessage outcome={outcome} />
        </div>
      ) : null}
      <div className={overview.tableWrap}>
        <table className={overview.table}>
          <caption className="visually-hidden">{format(t.caption, { sort: t.sorts[sort] })}</caption>
          <thead>
            <tr>
              {bulkAccept ? (
                <th scope="col">
                  <input
                    type="checkbox"
                    aria-label={t.selectAll}
                    checked={allSelected}
                    disabled={selectable.length === 0}
                    onChange={() => setSelected(allSelected ? new Set() : new Set(selectable.map((r) => r.productId)))}
                  />
                </th>
              ) : null}
              <th scope="col">{header('product', t.product)}</th>
              <th scope="col" className={overview.numeric}>{t.current}</th>
              <th scope="col" className={overview.numeric}>{t.suggested}</th>
              <th scope="col" className={overview.numeric}>{header('change', t.change)}</th>
              <th scope="col" className={overview.numeric}>{t.units}</th>
              <th scope="col" className={overview.numeric}>{header('revenue', t.revenue)}</th>
              <th scope="col" className={overview.numeric}>{header('gain', t.profit)}</th>
              <th scope="col">{t.confidence}</th>
              <th scope="col" className={overview.hideOnPhone}>{t.backtest}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const current = Number(row.currentPriceGross);
              const suggested = row.suggestedPriceGross === null ? null : Number(row.suggestedPriceGross);
              const change = suggested === null || current === 0 ? null : ((suggested - current) / current) * 100;
              const name = row.name ?? t.unnamed;
              return (
                <tr key={row.productId}>
                  {bulkAccept ? (
                    <td>
                      {row.status === 'open' ? (
                        <input type="checkbox" aria-label={format(t.select, { name })} checked={selected.has(row.productId)} onChange={() => toggle(row.productId)} />
                      ) : null}
                    </td>
                  ) : null}
                  <th scope="row" className={styles.productCell}>
                    <Link href={`/pricing/${row.productId}`}>{name}</Link> <span className={styles.muted}>{format(t.productId, { id: row.productId })}</span>
                    <span className={overview.secondary}>{labels.statuses[row.status]}</span>
                  </th>
                  <td className={overview.numeric}>{money(current)}</td>
                  <td className={overview.numeric}>{suggested === null ? t.noPrice : money(suggested)}</td>
                  <td className={overview.numeric}>{change === null ? t.noPrice : `${change > 0 ? '+' : ''}${change.toFixed(1)}%`}</td>
                  <td className={overview.numeric}>
                    {formatCount(Math.round(row.unitsCurrent), locale)} → {formatCount(Math.round(row.unitsSuggested), locale)}
                  </td>
                  <td className={overview.numeric}>
                    <Delta value={Number(row.revenueDelta)} money={money} />
                  </td>
                  <td className={overview.numeric}>
                    {row.profitDelta === null ? <span className={styles.muted}>{t.revenueOnly}</span> : <Delta value={Number(row.profitDelta)} money={money} />}
                  </td>
                  <td>
                    <span className={`${styles.badge} ${styles[`badge_${row.confidence}`]}`}>{labels.confidences[row.confidence]}</span>
                  </td>
                  <td className={overview.hideOnPhone}>
                    {row.backtestMase === null ? (
                      <span className={styles.muted}>{t.notComputed}</span>
                    ) : (
                      <>
                        {format(t.mase, { value: row.backtestMase.toFixed(2) })}
                        {row.backtestMape !== null ? <span className={overview.secondary}>{format(t.mape, { value: row.backtestMape.toFixed(1) })}</span> : null}
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {bulkAccept ? (
        <ConfirmDialog
          open={confirming}
          title={format(labels.bulk.title, { count: selected.size })}
          body={labels.bulk.body}
          confirmLabel={labels.bulk.confirm}
          cancelLabel={labels.bulk.cancel}
          pending={pending}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            run(
              () => bulkAccept({ productIds: [...selected] }),
              (r) => format(labels.bulk.done, { count: r.accepted, skipped: r.skipped }),
              () => setSelected(new Set()),
            );
          }}
        />
      ) : null}
    </div>
  );
}
