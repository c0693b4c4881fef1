import { GDPR_REQUEST_SOURCES, GDPR_REQUEST_TYPES } from '@/lib/db/schema';
import type { RequestListQuery } from '@/lib/gdpr/requests';
import type { GdprLabels } from './labels';
import styles from './gdpr.module.css';

/** A plain GET form: the filters live in the URL, so a filtered list can be bookmarked and shared. */
export function RequestFilterForm({ query, labels }: { query: RequestListQuery; labels: GdprLabels }) {
  const f = labels.filters;
  return (
    <form method="get" action="/gdpr" className={styles.filters} aria-label={f.label}>
      <label className={styles.field}>
        <span className={styles.fieldLabel}>{f.state}</span>
        <select name="state" defaultValue={query.state} className={styles.control}>
          {(['open', 'closed', 'all'] as const).map((s) => (
            <option key={s} value={s}>
              {f.states[s]}
            </option>
          ))}
        </select>
      </label>
      <label className={styles.field}>
        <span className={styles.fieldLabel}>{f.type}</span>
        <select name="type" defaultValue={query.type ?? ''} className={styles.control}>
          <option value="">{f.any}</option>
          {GDPR_REQUEST_TYPES.map((t) => (
            <option key={t} value={t}>
              {labels.types[t]}
            </option>
          ))}
        </select>
      </label>
      <label className={styles.field}>
        <span className={styles.fieldLabel}>{f.source}</span>
        <select name="source" defaultValue={query.source ?? ''} className={styles.control}>
          <option value="">{f.any}</option>
          {GDPR_REQUEST_SOURCES.map((s) => (
            <option key={s} value={s}>
              {labels.sources[s]}
            </option>
          ))}
        </select>
      </label>
      <label className={styles.field}>
        <span className={styles.fieldLabel}>{f.q}</span>
        <input name="q" type="search" defaultValue={query.q ?? ''} className={styles.control} maxLength={96} />
      </label>
      <button type="submit" className="btn">
        {f.apply}
      </button>
    </form>
  );
}
