'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { format } from '@/lib/i18n/locale';
import type { BackupsLabels } from './labels';
import styles from './backups.module.css';

export type RestoreRequest = { kind: 'new'; database: string } | { kind: 'own'; confirm: string };

/** Where to restore: a new database (default, with a suggested name) or, with the slug typed, over the shop. */
export function RestoreDialog({
  backupId,
  tenantSlug,
  suggestedDatabase,
  pending,
  labels,
  onSubmit,
  onClose,
}: {
  backupId: number | null;
  tenantSlug: string;
  suggestedDatabase: string;
  pending: boolean;
  labels: BackupsLabels['restoreDialog'];
  onSubmit: (request: RestoreRequest) => void;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [kind, setKind] = useState<'new' | 'own'>('new');
  const [database, setDatabase] = useState(suggestedDatabase);
  const [confirm, setConfirm] = useState('');
  const open = backupId !== null;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setKind('new');
      setDatabase(suggestedDatabase);
      setConfirm('');
      dialog.showModal();
    }
    if (!open && dialog.open) dialog.close();
  }, [open, suggestedDatabase]);

  const confirmed = kind === 'new' ? /^[A-Za-z0-9_]{1,64}$/.test(database) : confirm === tenantSlug;
  return (
    <dialog
      ref={ref}
      className={styles.dialog}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId}>{format(labels.title, { id: String(backupId ?? '') })}</h2>
      <form
        className={styles.form}
        onSubmit={(e) => {
          e.preventDefault();
          if (confirmed) onSubmit(kind === 'new' ? { kind, database } : { kind, confirm });
        }}
      >
        <label className={styles.choice}>
          <input type="radio" name="kind" value="new" checked={kind === 'new'} onChange={() => setKind('new')} />
          {labels.intoNew}
        </label>
        {kind === 'new' ? (
          <div className={styles.field}>
            <label htmlFor={`${titleId}-db`}>{labels.database}</label>
            <input id={`${titleId}-db`} type="text" value={database} onChange={(e) => setDatabase(e.target.value)} pattern="[A-Za-z0-9_]{1,64}" required />
            <span className={styles.hint}>{labels.databaseHint}</span>
          </div>
        ) : null}
        <label className={styles.choice}>
          <input type="radio" name="kind" value="own" checked={kind === 'own'} onChange={() => setKind('own')} />
          {labels.overOwn}
        </label>
        {kind === 'own' ? (
          <div className={styles.field}>
            <label htmlFor={`${titleId}-confirm`}>{format(labels.confirmLabel, { slug: tenantSlug })}</label>
            <input id={`${titleId}-confirm`} type="text" value={confirm} onChange={(e) => setConfirm(e.target.value)} autoComplete="off" />
            {confirm !== '' && confirm !== tenantSlug ? <span className={styles.errorText}>{labels.confirmMismatch}</span> : null}
          </div>
        ) : null}
        <div className={styles.dialogActions}>
          <button type="button" className="btn" onClick={onClose} disabled={pending}>
            {labels.cancel}
          </button>
          <button type="submit" className={`btn ${kind === 'own' ? styles.danger : 'btn-primary'}`} disabled={pending || !confirmed}>
            {pending ? labels.submitting : labels.submit}
          </button>
        </div>
      </form>
    </dialog>
  );
}
