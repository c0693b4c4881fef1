'use client';

import { useState } from 'react';
import { format, type Locale } from '@/lib/i18n/locale';
import type { SkuMatchField } from '@/lib/marketplaces/names';
import type { AutoMatchPreviewPage, AutoMatchProduct } from '@/lib/sync/product-links/auto-match';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { formatCount, pluralLabel } from '@/components/overview/intl-format';
import type { ApplyAutoMatchAction, PreviewAutoMatchAction, ProductsLabels } from './labels';
import { OutcomeMessage } from './outcome-message';
import { useServerAction } from '@/components/ui/use-server-action';
import overview from '@/components/overview/overview.module.css';
import styles from './product-links.module.css';

function MoreLine({ shown, total, labels, locale }: { shown: number; total: number; labels: ProductsLabels['autoMatch']; locale: Locale }) {
  return total > shown ? <li className={styles.muted}>{format(labels.more, { count: formatCount(total - shown, locale) })}</li> : null;
}

function ProductList({ products, total, labels, locale }: { products: AutoMatchProduct[]; total: number; labels: ProductsLabels['autoMatch']; locale: Locale }) {
  return (
    <ul className={styles.previewList}>
      {products.map((p) => (
        <li key={p.productId}>
          <span className={styles.mono}>{p.key || '—'}</span> · {p.name ?? `#${p.productId}`} <span className={styles.muted}>#{p.productId}</span>
        </li>
      ))}
      <MoreLine shown={products.length} total={total} labels={labels} locale={locale} />
    </ul>
  );
}

/**
 * Auto-matching in two steps: a preview computed on the server (matches and every conflict), then
 * the links for exactly the previewed matches after a confirmation.
 */
export function AutoMatchPanel({
  accountId,
  field,
  preview: previewAction,
  apply,
  labels,
  locale,
}: {
  accountId: number;
  field: SkuMatchField;
  preview: PreviewAutoMatchAction;
  apply: ApplyAutoMatchAction;
  labels: Pick<ProductsLabels, 'autoMatch' | 'errors'>;
  locale: Locale;
}) {
  const [preview, setPreview] = useState<AutoMatchPreviewPage | null>(null);
  const [confirming, setConfirming] = useState(false);
  const action = useServerAction(labels.errors.generic);
  const t = labels.autoMatch;
  const fieldName = t.fields[field];
  const count = preview?.matchIds.length ?? 0;

  return (
    <section className={overview.panel} aria-labelledby="auto-match-title">
      <header className={overview.panelHeader}>
        <h2 id="auto-match-title" className={overview.panelTitle}>
          {t.title}
        </h2>
        <p className={overview.panelDescription}>{format(t.description, { field: fieldName })}</p>
      </header>
      <div className={styles.actions}>
        <button
          type="button"
          className="btn"
          disabled={action.pending}
          onClick={() => action.run(() => previewAction({ accountId }), (result) => {
            setPreview(result.preview);
            return format(pluralLabel(t.summary, result.preview.matchIds.length, locale), { count: formatCount(result.preview.matchIds.length, locale) });
          })}
        >
          {action.pending ? t.working : t.preview}
        </button>
        {preview && count > 0 ? (
          <button type="button" className="btn btn-primary" disabled={action.pending} onClick={() => setConfirming(true)}>
            {format(pluralLabel(t.save, count, locale), { count: formatCount(count, locale) })}
          </button>
        ) : null}
      </div>
      <OutcomeMessage outcome={action.outcome} />
      {preview ? (
        <div className={styles.preview}>
          {preview.alreadyLinked > 0 ? (
            <p className={styles.hint}>{format(pluralLabel(t.alreadyLinked, preview.alreadyLinked, locale), { count: formatCount(preview.alreadyLinked, locale) })}</p>
          ) : null}
          {count === 0 ? <p className={styles.notice}>{t.nothing}</p> : null}
          {count > 0 ? (
            <div>
              <h3 className={styles.subheading}>{t.matches}</h3>
              <ProductList products={preview.matches} total={count} labels={t} locale={locale} />
            </div>
          ) : null}
          {preview.counts.emptyKeys + preview.counts.duplicateKeys + preview.counts.linkedElsewhere > 0 ? <p className={styles.notice}>{t.conflictsNote}</p> : null}
          {preview.duplicateKeys.length > 0 ? (
            <div>
              <h3 className={styles.subheading}>{format(t.duplicateKeys, { field: fieldName })}</h3>
              <ul className={styles.previewList}>
                {preview.duplicateKeys.map((d) => (
                  <li key={d.key}>
                    <span className={styles.mono}>{d.key}</span> · {d.products.map((p) => `#${p.productId}`).join(', ')}
                  </li>
                ))}
                <MoreLine shown={preview.duplicateKeys.length} total={preview.counts.duplicateKeys} labels={t} locale={locale} />
              </ul>
            </div>
          ) : null}
          {preview.linkedElsewhere.length > 0 ? (
            <div>
              <h3 className={styles.subheading}>{format(t.linkedElsewhere, { field: fieldName })}</h3>
              <ul className={styles.previewList}>
                {preview.linkedElsewhere.map((p) => (
                  <li key={p.productId}>
                    <span className={styles.mono}>{p.key}</span> · #{p.productId} · {format(t.linkedTo, { id: p.linkedProductId })}
                  </li>
                ))}
                <MoreLine shown={preview.linkedElsewhere.length} total={preview.counts.linkedElsewhere} labels={t} locale={locale} />
              </ul>
            </div>
          ) : null}
          {preview.emptyKeys.length > 0 ? (
            <div>
              <h3 className={styles.subheading}>{format(t.emptyKeys, { field: fieldName })}</h3>
              <ProductList products={preview.emptyKeys} total={preview.counts.emptyKeys} labels={t} locale={locale} />
            </div>
          ) : null}
        </div>
      ) : null}
      <ConfirmDialog
        open={confirming}
        title={t.confirmTitle}
        body={t.confirmBody}
        confirmLabel={t.confirm}
        cancelLabel={t.cancel}
        pending={action.pending}
        onConfirm={() => {
          setConfirming(false);
          const productIds = preview?.matchIds ?? [];
          action.run(
            () => apply({ accountId, productIds }),
            (result) => format(t.created, { created: formatCount(result.created, locale), skipped: formatCount(result.skipped, locale) }),
            () => setPreview(null),
          );
        }}
        onCancel={() => setConfirming(false)}
      />
    </section>
  );
}
