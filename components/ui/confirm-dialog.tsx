'use client';

import { useEffect, useId, useRef } from 'react';
import styles from './confirm-dialog.module.css';

/** A modal question before an action that is hard to undo; Escape or Cancel closes it. */
export function ConfirmDialog({
  open,
  title,
  body,
  confirmLabel,
  cancelLabel,
  danger = false,
  pending = false,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  cancelLabel: string;
  danger?: boolean;
  pending?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className={styles.dialog}
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId} className={styles.dialogTitle}>
        {title}
      </h2>
      <p id={bodyId} className={styles.dialogBody}>
        {body}
      </p>
      <div className={styles.dialogActions}>
        <button type="button" className="btn" onClick={onCancel} disabled={pending}>
          {cancelLabel}
        </button>
        <button
          type="button"
          className={`btn ${danger ? styles.btnDanger : 'btn-primary'}`}
          onClick={onConfirm}
          disabled={pending}
          autoFocus
        >
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
