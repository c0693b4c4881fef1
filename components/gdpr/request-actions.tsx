'use client';

import { GDPR_IDENTITY_METHODS } from '@/lib/db/schema';
import { format, type Locale } from '@/lib/i18n/locale';
import { formatInstant } from '@/components/webhooks/format-instant';
import overview from '@/components/overview/overview.module.css';
import type { GdprAction, GdprLabels } from './labels';
import { FieldError, OutcomeMessage } from './outcome-message';
import { useServerAction } from '@/components/ui/use-server-action';
import styles from './gdpr.module.css';

type Props = {
  requestId: number;
  needsIdentity: boolean;
  canExtend: boolean;
  canClose: boolean;
  /** Erasure requests complete by running the erasure: closing here can only refuse them. */
  refuseOnly: boolean;
  verify: GdprAction<Record<string, FormDataEntryValue>>;
  extend: GdprAction<Record<string, FormDataEntryValue>, { dueAt: string }>;
  close: GdprAction<Record<string, FormDataEntryValue>>;
  labels: GdprLabels;
  locale: Locale;
  timeZone: string;
};

/** Identity check, the one extension and closing: each a small form with its own outcome. */
export function RequestActions(props: Props) {
  const { labels } = props;
  const verify = useServerAction(labels.errors.generic);
  const extend = useServerAction(labels.errors.generic);
  const close = useServerAction(labels.errors.generic);
  const submit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    return { ...Object.fromEntries(new FormData(e.currentTarget)), id: String(props.requestId) };
  };
  return (
    <>
      {props.needsIdentity ? (
        <section className={overview.panel} aria-labelledby="gdpr-verify">
          <h2 id="gdpr-verify" className={`${overview.panelTitle} ${overview.panelHeader}`}>
            {labels.verify.title}
          </h2>
          <form onSubmit={(e) => { const data = submit(e); verify.run(() => props.verify(data), () => labels.verify.done); }}>
            <div className={styles.formGrid}>
              <label className={styles.field}>
                <span className={styles.fieldLabel}>{labels.verify.method}</span>
                <select name="method" className={styles.control}>
                  {GDPR_IDENTITY_METHODS.map((m) => (
                    <option key={m} value={m}>
                      {labels.identityMethods[m]}
                    </option>
                  ))}
                </select>
              </label>
              <label className={styles.field}>
                <span className={styles.fieldLabel}>{labels.verify.note}</span>
                <input name="note" maxLength={255} className={styles.control} />
              </label>
            </div>
            <div className={styles.actions}>
              <button type="submit" className="btn btn-primary" disabled={verify.pending}>
                {labels.verify.submit}
              </button>
            </div>
            <OutcomeMessage outcome={verify.outcome} />
          </form>
        </section>
      ) : null}
      {props.canExtend ? (
        <section className={overview.panel} aria-labelledby="gdpr-extend">
          <h2 id="gdpr-extend" className={`${overview.panelTitle} ${overview.panelHeader}`}>
            {labels.extend.title}
          </h2>
          <p className={styles.hint}>{labels.extend.hint}</p>
          <form
            onSubmit={(e) => {
              const data = submit(e);
              extend.run(() => props.extend(data), (r) => format(labels.extend.done, { due: formatInstant(r.dueAt, props.locale, props.timeZone, 'short') }));
            }}
          >
            <label className={styles.field}>
              <span className={styles.fieldLabel}>{labels.extend.reason}</span>
              <input name="reason" minLength={10} maxLength={500} required className={styles.control} />
              <FieldError outcome={extend.outcome} name="reason" />
            </label>
            <div className={styles.actions}>
              <button type="submit" className="btn" disabled={extend.pending}>
                {labels.extend.submit}
              </button>
            </div>
            <OutcomeMessage outcome={extend.outcome} />
          </form>
        </section>
      ) : null}
      {props.canClose ? (
        <section className={overview.panel} aria-labelledby="gdpr-close">
          <h2 id="gdpr-close" className={`${overview.panelTitle} ${overview.panelHeader}`}>
            {labels.close.title}
          </h2>
          <form onSubmit={(e) => { const data = submit(e); close.run(() => props.close(data), () => labels.close.done); }}>
            <div className={styles.formGrid}>
              <label className={styles.field}>
                <span className={styles.fieldLabel}>{labels.close.outcome}</span>
                <select name="outcome" className={styles.control}>
                  {props.refuseOnly ? null : <option value="completed">{labels.close.completed}</option>}
                  <option value="rejected">{labels.close.rejected}</option>
                </select>
              </label>
              <label className={styles.field}>
                <span className={styles.fieldLabel}>{labels.close.note}</span>
                <input name="note" minLength={3} maxLength={500} required className={styles.control} />
                <FieldError outcome={close.outcome} name="note" />
              </label>
            </div>
            <div className={styles.actions}>
              <button type="submit" className="btn" disabled={close.pending}>
                {labels.close.submit}
              </button>
            </div>
            <OutcomeMessage outcome={close.outcome} />
          </form>
        </section>
      ) : null}
    </>
  );
}
