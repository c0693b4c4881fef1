'use client';

import { GDPR_IDENTITY_METHODS, GDPR_LANGUAGES, GDPR_REQUEST_TYPES } from '@/lib/db/schema';
import { format, type Locale } from '@/lib/i18n/locale';
import { formatInstant } from '@/components/webhooks/format-instant';
import overview from '@/components/overview/overview.module.css';
import type { GdprAction, GdprLabels } from './labels';
import { FieldError, OutcomeMessage } from './outcome-message';
import { useServerAction } from '@/components/ui/use-server-action';
import styles from './gdpr.module.css';

/** An admin enters a request received by mail, phone or in person, with how the identity was checked. */
export function NewRequestForm({
  create,
  labels,
  locale,
  timeZone,
  today,
}: {
  create: GdprAction<Record<string, FormDataEntryValue>, { id: number; dueAt: string }>;
  labels: GdprLabels;
  locale: Locale;
  timeZone: string;
  today: string;
}) {
  const t = labels.newRequest;
  const action = useServerAction(labels.errors.generic);
  return (
    <section className={overview.panel} aria-labelledby="gdpr-new-title">
      <h2 id="gdpr-new-title" className={`${overview.panelTitle} ${overview.panelHeader}`}>
        {t.title}
      </h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const form = e.currentTarget;
          const data = Object.fromEntries(new FormData(form));
          action.run(
            () => create(data),
            (r) => format(t.created, { id: r.id, due: formatInstant(r.dueAt, locale, timeZone, 'short') }),
            () => form.reset(),
          );
        }}
      >
        <div className={styles.formGrid}>
          <label className={styles.field}>
            <span className={styles.fieldLabel}>{t.type}</span>
            <select name="type" className={styles.control} required>
              {GDPR_REQUEST_TYPES.map((v) => (
                <option key={v} value={v}>
                  {labels.types[v]}
                </option>
              ))}
            </select>
          </label>
          <label className={styles.field}>
            <span className={styles.fieldLabel}>{t.email}</span>
            <input name="email" type="email" required maxLength={96} className={styles.control} />
            <FieldError outcome={action.outcome} name="email" />
          </label>
          <label className={styles.field}>
            <span className={styles.fieldLabel}>{t.name}</span>
            <input name="requesterName" maxLength={128} className={styles.control} />
          </label>
          <label className={styles.field}>
            <span className={styles.fieldLabel}>{t.customerId}</span>
            <input name="customerId" inputMode="numeric" pattern="[0-9]*" className={styles.control} />
            <FieldError outcome={action.outcome} name="customerId" />
          </label>
          <label className={styles.field}>
            <span className={styles.fieldLabel}>{t.orderId}</span>
            <input name="orderId" inputMode="numeric" pattern="[0-9]*" className={styles.control} />
            <FieldError outcome={action.outcome} name="orderId" />
          </label>
          <label className={styles.field}>
            <span className={styles.fieldLabel}>{t.language}</span>
            <select name="language" className={styles.control} defaultValue={locale}>
              {GDPR_LANGUAGES.map((v) => (
                <option key={v} value={v}>
                  {labels.languages[v]}
                </option>
              ))}
            </select>
          </label>
          <label className={styles.field}>
            <span className={styles.fieldLabel}>{t.identityMethod}</span>
            <select name="identityMethod" className={styles.control} required>
              {GDPR_IDENTITY_METHODS.filter((m) => m !== 'email_link' && m !== 'opencart_link').map((v) => (
                <option key={v} value={v}>
                  {labels.identityMethods[v]}
                </option>
              ))}
            </select>
          </label>
          <label className={styles.field}>
            <span className={styles.fieldLabel}>{t.receivedOn}</span>
            <input name="receivedOn" type="date" defaultValue={today} max={today} className={styles.control} required />
            <FieldError outcome={action.outcome} name="receivedOn" />
          </label>
          <label className={`${styles.field} ${styles.wide}`}>
            <span className={styles.fieldLabel}>{t.identityNote}</span>
            <input name="identityNote" maxLength={255} className={styles.control} />
          </label>
          <label className={`${styles.field} ${styles.wide}`}>
            <span className={styles.fieldLabel}>{t.details}</span>
            <textarea name="details" maxLength={2000} rows={2} className={styles.control} />
          </label>
        </div>
        <div className={styles.actions}>
          <button type="submit" className="btn btn-primary" disabled={action.pending}>
            {action.pending ? t.working : t.submit}
          </button>
        </div>
        <OutcomeMessage outcome={action.outcome} />
      </form>
    </section>
  );
}
