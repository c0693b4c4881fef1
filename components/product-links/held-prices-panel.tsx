'use client';

import { useState } from 'react';
import { format, INTL_LOCALE, type Locale } from '@/lib/i18n/locale';
import type { HeldPrice } from '@/lib/sync/product-links/list-held-prices';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { EmptyState } from '@/components/overview/empty-state';
import { formatMoney } from '@/components/overview/intl-format';
import { formatInstant } from '@/components/webhooks/format-instant';
import type { ProductsLabels, ReviewHeldPricesAction } from './labels';
import { OutcomeMessage } from './outcome-message';
import { percentText } from './percent-text';
import { useServerAction } from '@/components/ui/use-server-action';
import overview from '@/components/overview/overview.module.css';
import styles from './product-links.module.css';

type Decision = { held: HeldPrice; decision: 'approve' | 'reject' };

/** Percent change from `from` to `to`, one decimal, for display only. */
function changeText(from: string | null, to: string, locale: Locale): string {
  if (from === null || Number(from) === 0) return '—';
  const percent = ((Number(to) - Number(from)) / Number(from)) * 100;
  return `${percent > 0 ? '+' : ''}${new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits: 1 }).format(percent)}%`;
}

/** Price changes the safety threshold holds back, each approved or rejected after a confirmation. */
export function HeldPricesPanel({
  accountId,
  held,
  thresholdPct,
  currency,
  review,
  labels,
  locale,
  timeZone,
}: {
  accountId: number;
  held: HeldPrice[];
  thresholdPct: string;
  currency: string;
  /** For operators and admins; viewers see the list only. */
  review: ReviewHeldPricesAction | null;
  labels: Pick<ProductsLabels, 'held' | 'errors'>;
  locale: Locale;
  timeZone: string;
}) {
  const [deciding, setDeciding] = useState<Decision | null>(null);
  const action = useServerAction(labels.errors.generic);
  const t = labels.held;
  const money = (amount: string) => formatMoney(amount, currency, locale);

  const decide = ({ held: item, decision }: Decision) => {
    setDeciding(null);
    if (!review) return;
    action.run(
      () => review({ accountId, stateIds: [item.stateId], decision }),
      () => (decision === 'approve' ? t.approved : t.rejected),
    );
  };

  return (
    <section className={overview.panel} aria-labelledby="held-prices-title">
      <header className={overview.panelHeader}>
        <h2 id="held-prices-title" className={overview.panelTitle}>
          {t.title}
        </h2>
        <p className={overview.panelDescription}>{format(t.description, { threshold: percentText(thresholdPct, locale) })}</p>
      </header>
      <OutcomeMessage outcome={action.outcome} />
      {held.length === 0 ? (
        <EmptyState title={t.empty} />
      ) : (
        <div className={overview.tableWrap}>
          <table className={overview.table}>
            <caption className="visually-hidden">{t.title}</caption>
            <thead>
              <tr>
                <th scope="col">{t.listing}</th>
                <th scope="col" className={overview.numeric}>
                  {t.from}
                </th>
                <th scope="col" className={overview.numeric}>
                  {t.to}
                </th>
                <th scope="col" className={overview.numeric}>
                  {t.change}
                </th>
                <th scope="col" className={overview.hideOnPhone}>
                  {t.since}
                </th>
                {review ? (
                  <th scope="col">
                    <span className="visually-hidden">{t.approve}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {held.map((item) => (
                <tr key={item.stateId}>
                  <td>
                    <span className={styles.mono}>{item.marketplaceSku}</span>
                    {item.productId !== null ? <span className={overview.secondary}>#{item.productId}</span> : null}
                  </td>
                  <td className={overview.numeric}>{item.basePrice === null ? '—' : money(item.basePrice)}</td>
                  <td className={overview.numeric}>{money(item.price)}</td>
                  <td className={overview.numeric}>{changeText(item.basePrice, item.price, locale)}</td>
                  <td className={overview.hideOnPhone}>
                    {item.heldAt ? <time dateTime={item.heldAt}>{formatInstant(item.heldAt, locale, timeZone, 'short')}</time> : '—'}
                  </td>
                  {review ? (
                    <td>
                      <div className={styles.actions}>
                        <button
                          type="button"
                          className={`btn btn-primary ${styles.small}`}
                          aria-label={format(t.approveLabel, { sku: item.marketplaceSku })}
                          disabled={action.pending}
                          onClick={() => setDeciding({ held: item, decision: 'approve' })}
                        >
                          {t.approve}
                        </button>
                        <button
                          type="button"
                          className={`btn ${styles.small}`}
                          aria-label={format(t.rejectLabel, { sku: item.marketplaceSku })}
                          disabled={action.pending}
                          onClick={() => setDeciding({ held: item, decision: 'reject' })}
                        >
                          {t.reject}
                        </button>
                      </div>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ConfirmDialog
        open={deciding !== null}
        title={
          deciding?.decision === 'approve'
            ? format(t.approveTitle, { price: money(deciding.held.price), sku: deciding.held.marketplaceSku })
            : format(t.rejectTitle, { sku: deciding?.held.marketplaceSku ?? '' })
        }
        body={
          deciding?.decision === 'approve'
            ? t.approveBody
            : format(t.rejectBody, { price: deciding?.held.basePrice ? money(deciding.held.basePrice) : '—' })
        }
        confirmLabel={deciding?.decision === 'approve' ? t.approve : t.reject}
        cancelLabel={t.cancel}
        pending={action.pending}
        onConfirm={() => deciding && decide(deciding)}
        onCancel={() => setDeciding(null)}
      />
    </section>
  );
}
