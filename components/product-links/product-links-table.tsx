import { format, type Locale } from '@/lib/i18n/locale';
import type { ProductLinkRow } from '@/lib/sync/product-links/list-product-link-rows';
import { formatCount, formatMoney, pluralLabel } from '@/components/overview/intl-format';
import { formatInstant } from '@/components/webhooks/format-instant';
import type { LinkProductAction, ProductsLabels, UnlinkProductAction } from './labels';
import { LinkForm } from './link-form';
import { SyncStateBadge } from './sync-state-badge';
import { UnlinkButton } from './unlink-button';
import overview from '@/components/overview/overview.module.css';
import styles from './product-links.module.css';

/**
 * The shop's products with their listings on one account: OpenCart's figures, each listing's sync
 * state, reason and last confirmed values; link and unlink for those who may change them.
 */
export function ProductLinksTable({
  rows,
  accountId,
  accountName,
  currency,
  edit,
  labels,
  locale,
  timeZone,
}: {
  rows: ProductLinkRow[];
  accountId: number;
  accountName: string;
  currency: string;
  /** The actions, for operators and admins; viewers get none. */
  edit: { linkProduct: LinkProductAction; unlinkProduct: UnlinkProductAction } | null;
  labels: Pick<ProductsLabels, 'table' | 'states' | 'link' | 'unlink' | 'errors'>;
  locale: Locale;
  timeZone: string;
}) {
  const t = labels.table;
  const money = (amount: string) => formatMoney(amount, currency, locale);
  return (
    <div className={overview.tableWrap}>
      <table className={overview.table}>
        <caption className="visually-hidden">{format(t.caption, { account: accountName })}</caption>
        <thead>
          <tr>
            <th scope="col">{t.product}</th>
            <th scope="col" className={overview.numeric}>
              {t.stock}
            </th>
            <th scope="col" className={overview.numeric}>
              {t.price}
            </th>
            <th scope="col">{t.listing}</th>
            <th scope="col">{t.state}</th>
            <th scope="col" className={overview.hideOnPhone}>
              {t.confirmed}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.productId}>
              <td>
                {row.name ?? t.unnamed} <span className={styles.muted}>{format(t.productId, { id: row.productId })}</span>
                <span className={overview.secondary}>{format(t.codes, { model: row.model, sku: row.sku || '—' })}</span>
                {row.ean ? <span className={overview.secondary}>{format(t.ean, { ean: row.ean })}</span> : null}
              </td>
              <td className={overview.numeric}>{formatCount(row.quantity, locale)}</td>
              <td className={overview.numeric}>
                {row.price === null ? '—' : money(row.price)}
                {row.onSpecial ? (
                  <span className={overview.secondary}>{format(t.specialOf, { price: money(row.basePrice) })}</span>
                ) : null}
              </td>
              <td>
                {row.listings.length === 0 ? (
                  edit ? (
                    <LinkForm accountId={accountId} productId={row.productId} linkProduct={edit.linkProduct} labels={labels} />
                  ) : (
                    <span className={styles.muted}>{t.notLinked}</span>
                  )
                ) : (
                  row.listings.map((listing) => (
                    <div key={listing.linkId} className={styles.listing}>
                      <div className={styles.listingHead}>
                        <span className={styles.mono}>{listing.marketplaceSku}</span>
                        {edit ? (
                          <UnlinkButton linkId={listing.linkId} sku={listing.marketplaceSku} unlinkProduct={edit.unlinkProduct} labels={labels} />
                        ) : null}
                      </div>
                    </div>
                  ))
                )}
              </td>
              <td>
                {row.listings.map((listing) => (
                  <div key={listing.linkId} className={styles.listing}>
                    <span>
                      <SyncStateBadge state={listing.state} label={labels.states[listing.state]} />
                    </span>
                    {listing.state === 'failed' && listing.lastError ? (
                      <span className={styles.errorText}>
                        {listing.lastError} · {format(pluralLabel(t.attempts, listing.attempts, locale), { count: listing.attempts })}
                      </span>
                    ) : null}
                    {listing.state === 'held' && listing.heldPrice ? (
                      <span className={styles.heldText}>{format(t.heldChange, { price: money(listing.heldPrice) })}</span>
                    ) : null}
                  </div>
                ))}
              </td>
              <td className={overview.hideOnPhone}>
                {row.listings.map((listing) => (
                  <div key={listing.linkId} className={styles.listing}>
                    {listing.confirmedQuantity !== null && listing.confirmedPrice !== null ? (
                      <span>
                        {format(t.confirmedValues, { quantity: formatCount(listing.confirmedQuantity, locale), price: money(listing.confirmedPrice) })}
                        {listing.confirmedAt ? (
                          <span className={overview.secondary}>
                            <time dateTime={listing.confirmedAt}>{formatInstant(listing.confirmedAt, locale, timeZone, 'short')}</time>
                          </span>
                        ) : null}
                      </span>
                    ) : (
                      <span className={styles.muted}>{t.never}</span>
                    )}
                  </div>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
