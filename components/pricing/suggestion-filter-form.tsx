import Link from 'next/link';
import { format } from '@/lib/i18n/locale';
import { SUGGESTION_CONFIDENCES } from '@/lib/db/schema';
import { SUGGESTION_FILTERS, SUGGESTION_SEARCH_MAX_CHARS, type SuggestionListQuery } from '@/lib/pricing/queries/suggestion-list-query';
import overview from '@/components/overview/overview.module.css';
import type { PricingLabels } from './labels';
import styles from './pricing.module.css';

/** A plain GET form: the filters live in the address, so a filtered list can be shared and reloaded. */
export function SuggestionFilterForm({ query, ignored, labels }: { query: SuggestionListQuery; ignored: string[]; labels: PricingLabels }) {
  const f = labels.filters;
  return (
    <section className={overview.panel} aria-labelledby="pricing-filters">
      <h2 id="pricing-filters" className={overview.panelTitle}>
        {f.heading}
      </h2>
      {ignored.length > 0 ? <p className={styles.notice}>{format(f.ignored, { names: ignored.join(', ') })}</p> : null}
      <form method="get" action="/pricing" className={styles.filters}>
        <label className={styles.field}>
          <span className={styles.fieldLabel}>{f.search}</span>
          <input className={styles.control} type="search" name="q" defaultValue={query.q ?? ''} maxLength={SUGGESTION_SEARCH_MAX_CHARS} placeholder={f.searchHint} />
        </label>
        <label className={styles.field}>
          <span className={styles.fieldLabel}>{f.status}</span>
          <select className={styles.control} name="status" defaultValue={query.status}>
            {SUGGESTION_FILTERS.map((s) => (
              <option key={s} value={s}>
                {f.statuses[s]}
              </option>
            ))}
          </select>
        </label>
        <label className={styles.field}>
          <span className={styles.fieldLabel}>{f.confidence}</span>
          <select className={styles.control} name="confidence" defaultValue={query.confidence ?? ''}>
            <option value="">{f.anyConfidence}</option>
            {SUGGESTION_CONFIDENCES.map((c) => (
              <option key={c} value={c}>
                {labels.confidences[c]}
              </option>
            ))}
          </select>
        </label>
        <input type="hidden" name="sort" value={query.sort} />
        <div className={styles.actions}>
          <button type="submit" className="btn btn-primary">
            {f.apply}
          </button>
          <Link href="/pricing" className="btn">
            {f.clear}
          </Link>
        </div>
      </form>
    </section>
  );
}
