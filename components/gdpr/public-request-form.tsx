'use client';

import { useState } from 'react';
import { CONSENT_PURPOSES, GDPR_REQUEST_TYPES, type GdprRequestType } from '@/lib/db/schema';
import { format, type Locale } from '@/lib/i18n/locale';
import type { GdprLabels } from './labels';
import styles from './gdpr.module.css';

type Outbox = { to: string; subject: string; body: string };
type State = { kind: 'idle' } | { kind: 'sent'; email: string; outbox: Outbox | null } | { kind: 'error'; text: string };

const errorBodySchemaCode = (json: unknown): string | undefined =>
  typeof json === 'object' && json !== null && 'error' in json ? String((json as { error: { code?: unknown } }).error.code ?? '') : undefined;

/** The public request form: posts to /api/privacy/requests and shows the mail when no SMTP is set. */
export function PublicRequestForm({ shop, labels, consentLabels, locale }: { shop: string | null; labels: GdprLabels['public']; consentLabels: GdprLabels['consent']; locale: Locale }) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [pending, setPending] = useState(false);
  const [type, setType] = useState<GdprRequestType>('access');

  async function submit(form: HTMLFormElement) {
    const data = new FormData(form);
    const body = {
      email: String(data.get('email') ?? ''),
      type,
      orderId: String(data.get('orderId') ?? ''),
      details: String(data.get('details') ?? ''),
      purposes: data.getAll('purposes').map(String),
      language: locale,
      website: String(data.get('website') ?? ''),
    };
    setPending(true);
    try {
      const res = await fetch(`/api/privacy/requests${shop ? `?shop=${encodeURIComponent(shop)}` : ''}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      const json: unknown = await res.json().catch(() => null);
      if (res.status === 201) {
        const outbox = (json as { outbox: Outbox | null }).outbox;
        setState({ kind: 'sent', email: body.email, outbox });
        form.reset();
      } else if (res.status === 429) {
        const minutes = Math.max(1, Math.ceil(Number(res.headers.get('Retry-After') ?? '60') / 60));
        setState({ kind: 'error', text: format(labels.errors.rateLimited, { minutes }) });
      } else if (res.status === 400) {
        setState({ kind: 'error', text: labels.errors.invalid });
      } else if (res.status === 404 && errorBodySchemaCode(json) === 'NOT_FOUND') {
        setState({ kind: 'error', text: labels.errors.unknownShop });
      } else {
        setState({ kind: 'error', text: labels.errors.generic });
      }
    } catch (err) {
      console.error('privacy request failed', err);
      setState({ kind: 'error', text: labels.errors.generic });
    } finally {
      setPending(false);
    }
  }

  const link = state.kind === 'sent' && state.outbox ? /https?:\/\/\S+/.exec(state.outbox.body)?.[0] : undefined;
  return (
    <>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit(e.currentTarget);
        }}
      >
        <div className="field">
          <label htmlFor="privacy-email">{labels.email}</label>
          <input id="privacy-email" name="email" type="email" required maxLength={96} autoComplete="email" />
        </div>
        <fieldset className="field" style={{ border: 'none', padding: 0 }}>
          <legend className={styles.fieldLabel}>{labels.type}</legend>
          {GDPR_REQUEST_TYPES.map((t) => (
            <label key={t} style={{ display: 'flex', gap: '0.5rem', fontWeight: 400 }}>
              <input type="radio" name="type" value={t} checked={type === t} onChange={() => setType(t)} />
              {labels.types[t]}
            </label>
          ))}
        </fieldset>
        {type === 'consent_withdrawal' ? (
          <fieldset className={`field ${styles.checks}`}>
            <legend className={styles.fieldLabel}>{labels.purposes}</legend>
            {CONSENT_PURPOSES.map((p) => (
              <label key={p} style={{ display: 'flex', gap: '0.4rem', fontWeight: 400 }}>
                <input type="checkbox" name="purposes" value={p} defaultChecked />
                {consentLabels.purposes[p]}
              </label>
            ))}
          </fieldset>
        ) : null}
        <div className="field">
          <label htmlFor="privacy-order">{labels.orderId}</label>
          <input id="privacy-order" name="orderId" inputMode="numeric" pattern="[0-9]*" maxLength={10} />
        </div>
        <div className="field">
          <label htmlFor="privacy-details">{labels.details}</label>
          <textarea id="privacy-details" name="details" maxLength={1000} rows={3} className={styles.control} />
        </div>
        <div className={styles.honeypot} aria-hidden="true">
          <label>
            Website
            <input name="website" tabIndex={-1} autoComplete="off" />
          </label>
        </div>
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {pending ? labels.working : labels.submit}
        </button>
      </form>
      <div aria-live="polite" role="status">
        {state.kind === 'error' ? <p className="alert-error">{state.text}</p> : null}
        {state.kind === 'sent' ? <p className={styles.success}>{format(labels.sent, { email: state.email })}</p> : null}
      </div>
      {state.kind === 'sent' && state.outbox ? (
        <section aria-label={labels.outboxTitle}>
          <h2 className={styles.fieldLabel}>{labels.outboxTitle}</h2>
          <p>{format(labels.outboxTo, { to: state.outbox.to })}</p>
          <p>
            <strong>{state.outbox.subject}</strong>
          </p>
          <div className={styles.mailBox}>{state.outbox.body}</div>
          {link ? (
            <p className={styles.wrapAnywhere}>
              <a href={link}>{link}</a>
            </p>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
