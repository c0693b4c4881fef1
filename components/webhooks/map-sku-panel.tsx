import Form from 'next/form';
import { format, type Locale } from '@/lib/i18n/locale';
import type { ShopProductMatch } from '@/lib/webhooks/queries/search-shop-products';
import { formatCount } from '@/components/overview/intl-format';
import type { WebhooksLabels } from './labels';
import { MapSkuButton, type MapSkuAction } from './map-sku-button';
import type { ReplayAction } from './use-replay';
import overview from '@/components/overview/overview.module.css';
import styles from './webhooks.module.css';

/**
 * For an event that died on an unknown SKU: find the shop's product (a GET search, so the results are
 * server-rendered from the tenant's own store) and map the SKU to it.
 */
export function MapSkuPanel({
  eventId,
  sku,
  search,
  mapSku,
  replay,
  labels,
  locale,
}: {
  eventId: number;
  sku: string;
  /** The search asked for and what it found; absent before a search. */
  search: { query: string; products: ShopProductMatch[]; limit: number } | null;
  mapSku: MapSkuAction;
  replay: ReplayAction;
  labels: Pick<WebhooksLabels, 'mapSku' | 'replay' | 'errors'>;
  locale: Locale;
}) {
  const t = labels.mapSku;
  return (
    <section id="map-sku" className={`${overview.panel} ${styles.mapPanel}`} aria-labelledby="map-sku-title">
      <header className={overview.panelHeader}>
        <h2 id="map-sku-title" className={overview.panelTitle}>
          {format(t.title, { sku })}
        </h2>
        <p className={overview.panelDescription}>{format(t.description, { sku })}</p>
      </header>
      <Form action={`/webhooks/${eventId}`} className={styles.searchRow} scroll={false}>
        <label className={styles.field}>
          <span className={styles.fieldLabel}>{t.search}</span>
          <input
            type="search"
            name="q"
            defaultValue={search?.query ?? ''}
            placeholder={t.searchHint}
            className={styles.control}
            maxLength={64}
            required
          />
        </label>
        <button type="submit" className="btn">
          {t.searchButton}
        </button>
      </Form>
      {search ? (
        search.products.length === 0 ? (
          <p className={styles.muted}>{format(t.noResults, { query: search.query })}</p>
        ) : (
          <>
            <h3 className={styles.subheading}>
              {format(t.results, { query: search.query })}
            </h3>
            <div className={overview.tableWrap}>
              <table className={overview.table}>
                <thead>
                  <tr>
                    <th scope="col" className={overview.numeric}>
                      {t.id}
                    </th>
                    <th scope="col">{t.product}</th>
                    <th scope="col">{t.model}</th>
                    <th scope="col">{t.sku}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t.choose}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {search.products.map((p) => (
                    <tr key={p.productId}>
                      <td className={overview.numeric}>{p.productId}</td>
                      <td>{p.name ?? t.unnamed}</td>
                      <td>{p.model}</td>
                      <td>{p.sku}</td>
                      <td>
                        <MapSkuButton
                          eventId={eventId}
                          productId={p.productId}
                          sku={sku}
                          mapSku={mapSku}
                          replay={replay}
                          labels={labels}
                          locale={locale}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {search.products.length >= search.limit ? (
              <p className={styles.hint}>{format(t.limited, { limit: formatCount(search.limit, locale) })}</p>
            ) : null}
          </>
        )
      ) : null}
    </section>
  );
}
