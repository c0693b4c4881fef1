'use client';

import { CONSENT_ACTIONS, CONSENT_LEGAL_BASES, CONSENT_PURPOSES } from '@/lib/db/schema';
import overview from '@/components/overview/overview.module.css';
import type { GdprAction, GdprLabels } from './labels';
import { FieldError, OutcomeMessage } from './outcome-message';
import { useServerAction } from '@/components/ui/use-server-action';
import styles from './gdpr.module.css';

/** Appends a decision an admin received (a signed form, a call) to the ledger. */
export function ConsentForm({ record, labels, email }: { record: GdprAction<Record<string, FormDataEntryValue>>; labels: GdprLabels; email: string }) {
  const c = labels.consent;
  const action = useServerAction(labels.errors.generic);
  return (
    <section className={overview.panel} aria-labelledby="gdpr-consent-record">
      <h2 id="gdpr-consent-record" className={`${overview.panelTitle} ${overview.panelHeader}`}>
        {c.record}
      </h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const data = { ...Object.fromEntries(new FormData(e.currentTarget)), source: 'admin' };
          action.run(() => record(data), () => c.recorded);
        }}
      >
        <div className={styles.formGrid}>
          <label className={styles.field}>
            <span className={styles.fieldLabel}>{c.email}</span>
            <input name="email" type="email" required maxLength={96} defaultValue={email} className={styles.control} />
            <FieldError outcome={action.outcome} name="email" />
          </label>
          <label className={styles.field}>
            <span className={styles.fieldLabel}>{c.purpose}</span>
            <select name="purpose" className={styles.control}>
              {CONSENT_PURPOSES.map((p) => (
                <option key={p} value={p}>
                  {c.purposes[p]}
                </option>
              ))}
            </select>
          </label>
          <label className={styles.field}>
            <span className={styles.fieldLabel}>{c.action}</span>
            <select name="action" className={styles.control}>
              {CONSENT_ACTIONS.map((a) => (
                <option key={a} value={a}>
                  {c.actions[a]}
                </option>
              ))}
            </select>
          </label>
          <label className={styles.field}>
            <span className={styles.fieldLabel}>{c.basis}</span>
            <select name="legalBasis" className={styles.control}>
              {CONSENT_LEGAL_BASES.map((b) => (
                <option key={b} value={b}>
                  {c.legalBases[b]}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className={styles.actions}>
          <button type="submit" className="btn btn-primary" disabled={action.pending}>
            {c.submit}
          </button>
        </div>
        <OutcomeMessage outcome={action.outcome} />
      </form>
    </section>
  );
}
