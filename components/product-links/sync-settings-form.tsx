'use client';

import { useState } from 'react';
import { format, type Locale } from '@/lib/i18n/locale';
import { percentText } from './percent-text';
import type { ProductsLabels, UpdateSyncSettingsAction } from './labels';
import { OutcomeMessage } from './outcome-message';
import { useServerAction } from '@/components/ui/use-server-action';
import overview from '@/components/overview/overview.module.css';
import styles from './product-links.module.css';

/** The shop's price safety threshold (admins only). */
export function SyncSettingsForm({
  thresholdPct,
  update,
  labels,
  locale,
}: {
  thresholdPct: string;
  update: UpdateSyncSettingsAction;
  labels: Pick<ProductsLabels, 'settings' | 'errors'>;
  locale: Locale;
}) {
  const [value, setValue] = useState(thresholdPct);
  const action = useServerAction(labels.errors.generic);
  const t = labels.settings;
  return (
    <section className={overview.panel} aria-labelledby="sync-settings-title">
      <h2 id="sync-settings-title" className={`${overview.panelTitle} ${overview.panelHeader}`}>
        {t.title}
      </h2>
      <form
        className={styles.inlineForm}
        onSubmit={(e) => {
          e.preventDefault();
          action.run(
            () => update({ priceChangeThresholdPct: value }),
            (result) => format(t.saved, { threshold: percentText(result.priceChangeThresholdPct, locale) }),
          );
        }}
      >
        <label className={styles.field}>
          <span className={styles.fieldLabel}>{t.label}</span>
          <input
            type="number"
            inputMode="decimal"
            min="0.01"
            max="1000"
            step="0.01"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            className={styles.control}
            aria-describedby="sync-settings-hint"
            required
          />
        </label>
        <button type="submit" className="btn btn-primary" disabled={action.pending}>
          {action.pending ? t.working : t.save}
        </button>
      </form>
      <p id="sync-settings-hint" className={styles.hint}>
        {t.hint}
      </p>
      <OutcomeMessage outcome={action.outcome} />
    </section>
  );
}
