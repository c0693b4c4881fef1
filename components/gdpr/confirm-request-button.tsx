'use client';

import { useState } from 'react';
import type { GdprLabels } from './labels';
import styles from './gdpr.module.css';

type Outcome = keyof GdprLabels['public']['confirm']['outcomes'];
const BY_CODE: Record<string, Outcome> = { INVALID: 'invalid', EXPIRED: 'expired', NOT_FOUND: 'not_found', BAD_REQUEST: 'invalid' };

/** The person confirms by pressing a button, not by merely opening the link (mail scanners open links). */
export function ConfirmRequestButton({ shop, token, labels }: { shop: string | null; token: string; labels: GdprLabels['public'] }) {
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function confirm() {
    setPending(true);
    try {
      const res = await fetch('/api/privacy/confirm', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ token, ...(shop ? { shop } : {}) }),
      });
      const json = (await res.json().catch(() => null)) as { outcome?: Outcome; error?: { code?: string } } | null;
      if (res.ok && json?.outcome) setMessage({ ok: true, text: labels.confirm.outcomes[json.outcome] });
      else if (res.status === 429) setMessage({ ok: false, text: labels.errors.rateLimited.replace('{minutes}', '10') });
      else setMessage({ ok: false, text: labels.confirm.outcomes[BY_CODE[json?.error?.code ?? ''] ?? 'invalid'] });
    } catch (err) {
      console.error('privacy confirmation failed', err);
      setMessage({ ok: false, text: labels.errors.generic });
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      {message?.ok ? null : (
        <button type="button" className="btn btn-primary" disabled={pending} onClick={() => void confirm()}>
          {pending ? labels.confirm.working : labels.confirm.button}
        </button>
      )}
      <div aria-live="polite" role="status">
        {message ? <p className={message.ok ? styles.success : 'alert-error'}>{message.text}</p> : null}
      </div>
    </>
  );
}
