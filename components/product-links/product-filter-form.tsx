import Form from 'next/form';
import Link from 'next/link';
import { format } from '@/lib/i18n/locale';
import { PRODUCT_FILTERS, SEARCH_MAX_CHARS, type ProductListQuery, type ProductListQueryName } from '@/lib/sync/product-links/product-list-query';
import type { ProductsLabels } from './labels';
import overview from '@/components/overview/overview.module.css';
import styles from './product-links.module.css';

/** Search and filter as a GET form: the query string is the state, so a view can be bookmarked. */
export function ProductFilterForm({
  query,
  accountId,
  ignored,
  labels,
}: {
  query: ProductListQuery;
  accountId: number;
  ignored: ProductListQueryName[];
  labels: ProductsLabels['filters'];
}) {
  return (
    <section className={overview.panel} aria-labelledby="product-filters-heading">
      <h2 id="product-filters-heading" className={`${overview.panelTitle} ${overview.panelHeader}`}>
        {labels.heading}
      </h2>
      {ignored.length > 0 ? (
        <p className={styles.notice} role="status">
          {format(labels.ignored, { names: ignored.join(', ') })}
        </p>
      ) : null}
      <Form action="/products" className={styles.filters}>
        <input type="hidden" name="account" value={accountId} />
        <label className={styles.field}>
          <span className={styles.fieldLabel}>{labels.search}</span>
          <input
            type="search"
            name="q"
            defaultValue={query.q ?? ''}
            placeholder={labels.searchHint}
            maxLength={SEARCH_MAX_CHARS}
            className={styles.control}
          />
        </label>
        <label className={styles.field}>
          <span className={styles.fieldLabel}>{labels.show}</span>
          <select name="filter" defaultValue={query.filter} className={styles.control}>
            {PRODUCT_FILTERS.map((filter) => (
              <option key={filter} value={filter}>
                {labels[filter]}
              </option>
            ))}
          </select>
        </label>
        <div className={styles.actions}>
          <button type="submit" className="btn btn-primary">
            {labels.apply}
          </button>
          <Link href={`/products?account=${accountId}`} className="btn">
            {labels.clear}
          </Link>
        </div>
      </Form>
    </section>
  );
}
