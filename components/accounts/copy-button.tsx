'use client';

import { useEffect, useState } from 'react';
import styles from './accounts.module.css';

/** How long "Copied" shows before the button reads "Copy" again. */
const COPIED_FEEDBACK_MS = 2_000;

export function CopyButton({
  text,
  label,
  ariaLabel,
  copiedLabel,
  failedLabel,
}: {
  text: string;
  label: string;
  ariaLabel?: string;
  copiedLabel: string;
  failedLabel: string;
}) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state !== 'copied') return;
    const timer = setTimeout(() => setState('idle'), COPIED_FEEDBACK_MS);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch (err) {
      // Clipboard access needs a secure context and permission; the text stays selectable instead.
      console.warn('copy to clipboard failed', err);
      setState('failed');
    }
  };

  return (
    <>
      <button type="button" className={`btn ${styles.small}`} aria-label={ariaLabel} onClick={copy}>
        {state === 'copied' ? copiedLabel : label}
      </button>
      <span role="status" aria-live="polite" className={state === 'failed' ? styles.fieldError : 'visually-hidden'}>
        {state === 'failed' ? failedLabel : state === 'copied' ? copiedLabel : ''}
      </span>
    </>
  );
}
