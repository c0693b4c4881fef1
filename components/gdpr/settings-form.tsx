'use client';

import type { GdprTenantSettings } from '@/lib/gdpr/settings';
import overview from '@/components/overview/overview.module.css';
import type { GdprAction, GdprLabels } from './labels';
import { FieldError, OutcomeMessage } from './outcome-message';
import { useServerAction } from '@/components/ui/use-server-action';
import styles from './gdpr.module.css';

/** Retention per record type and the optional inactive-customer anonymisation (admins only). */
export function GdprSettingsForm({ settings, update, labels }: { settings: GdprTenantSettings; update: GdprAction<Record<string, FormDataEntryValue>>; labels: GdprLabels }) {
  const t = labels.settings;
  const action = useServerAction(labels.errors.generic);
  return (
    <section className={overview.panel} aria-labelledby="gdpr-settings-title">
      <h2 id="gdpr-settings-title" className={`${overview.panelTitle} ${overview.panelHeader}`}>
        {t.title}
      </h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const data = Object.fromEntries(new FormData(e.currentTarget));
          action.run(() => update(data), () => t.saved);
        }}
      >
        <div className={styles.formGrid}>
          <label className={styles.field}>
            <span className={styles.fieldLabel}>{t.orderYears}</span>
            <input name="orderRetentionYears" type="number" min={1} max={30} defaultValue={settings.orderRetentionYears} className={styles.control} required />
            <FieldError outcome={action.outcome} name="orderRetentionYears" />
          </label>
          <label className={styles.field}>
            <span className={styles.fieldLabel}>{t.returnYears}</span>
            <input name="returnRetentionYears" type="number" min={1} max={30} defaultValue={settings.returnRetentionYears} className={styles.control} required />
            <FieldError outcome={action.outcome} name="returnRetentionYears" />
          </label>
          <label className={styles.field}>
            <span className={styles.fieldLabel}>{t.inactiveMonths}</span>
            <input name="inactiveCustomerMonths" type="number" min={6} max={240} defaultValue={settings.inactiveCustomerMonths ?? ''} className={styles.control} />
            <FieldError outcome={action.outcome} name="inactiveCustomerMonths" />
          </label>
        </div>
        <p className={styles.hint}>{t.hint}</p>
        <div className={styles.actions}>
          <button type="submit" className="btn" disabled={action.pending}>
            {t.save}
          </button>
        </div>
        <OutcomeMessage outcome={action.outcome} />
      </form>
    </section>
  );
}
