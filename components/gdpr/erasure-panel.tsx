'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { format } from '@/lib/i18n/locale';
import overview from '@/components/overview/overview.module.css';
import type { GdprAction, GdprLabels } from './labels';
import { OutcomeMessage } from './outcome-message';
import { useServerAction } from '@/components/ui/use-server-action';
import styles from './gdpr.module.css';

/**
 * Starts (or resumes) the erasure after a typed confirmation: the admin types the person's email, so a
 * slip of the mouse cannot destroy data. The server checks the text again.
 */
export function ErasurePanel({
  requestId,
  email,
  running,
  completed,
  blocked,
  erase,
  labels,
}: {
  requestId: number;
  email: string;
  running: boolean;
  /** Stays on the page once done (with its outcome message), without the button. */
  completed: boolean;
  blocked: string | null;
  erase: GdprAction<{ id: number; confirmation: string }, { steps: number }>;
  labels: GdprLabels;
}) {
  const t = labels.erasure;
  const action = useServerAction(labels.errors.generic);
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const inputId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const matches = typed.trim().toLowerCase() === email.toLowerCase();
  return (
    <section className={`${overview.panel} ${styles.danger}`} aria-labelledby="gdpr-erasure">
      <h2 id="gdpr-erasure" className={`${overview.panelTitle} ${overview.panelHeader}`}>
        {t.title}
      </h2>
      <p className={styles.hint}>{t.description}</p>
      {running && !completed ? <p className={styles.error}>{t.running}</p> : null}
      {completed ? null : (
        <div className={styles.actions}>
          <button type="button" className={`btn ${styles.dangerButton}`} disabled={blocked !== null || action.pending} onClick={() => setOpen(true)}>
            {action.pending ? t.working : running ? t.resume : t.start}
          </button>
          {blocked ? <span className={styles.hint}>{blocked}</span> : null}
        </div>
      )}
      <OutcomeMessage outcome={action.outcome} />
      <dialog
        ref={ref}
        className={styles.dialog}
        aria-labelledby={titleId}
        onCancel={(e) => {
          e.preventDefault();
          setOpen(false);
        }}
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!matches) return;
            setOpen(false);
            action.run(() => erase({ id: requestId, confirmation: typed }), () => t.done);
          }}
        >
          <h2 id={titleId} className={overview.panelTitle}>
            {format(t.confirmTitle, { email })}
          </h2>
          <p>{format(t.confirmBody, { phrase: email })}</p>
          <label htmlFor={inputId} className={styles.fieldLabel}>
            {t.confirmLabel}
          </label>
          <input id={inputId} value={typed} onChange={(e) => setTyped(e.target.value)} className={styles.control} autoComplete="off" style={{ width: '100%' }} />
          <div className={styles.actions}>
            <button type="button" className="btn" onClick={() => setOpen(false)}>
              {t.cancel}
            </button>
            <button type="submit" className={`btn ${styles.dangerButton}`} disabled={!matches}>
              {t.confirm}
            </button>
          </div>
        </form>
      </dialog>
    </section>
  );
}
