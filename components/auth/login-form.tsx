'use client';

import { useState } from 'react';
import { signIn } from 'next-auth/react';
import { format } from '@/lib/i18n/locale';
import type { authMessages } from '@/lib/i18n/messages/auth';
import styles from './login.module.css';

type Labels = (typeof authMessages)['en' | 'tr'];

/** Maps next-auth's error string (see LOGIN_ERROR) to a translated sentence. */
function describeError(error: string, labels: Labels): string {
  const locked = /^locked:(\d+)$/.exec(error);
  if (locked) return format(labels.locked, { minutes: Math.max(1, Math.ceil(Number(locked[1]) / 60)) });
  if (error === 'invalid' || error === 'CredentialsSignin') return labels.invalid;
  return labels.failed;
}

export function LoginForm({ labels, callbackUrl }: { labels: Labels; callbackUrl: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const username = String(data.get('username') ?? '').trim();
    const password = String(data.get('password') ?? '');
    if (!username || !password) {
      setError(labels.required);
      return;
    }
    setPending(true);
    setError(null);
    const result = await signIn('credentials', { username, password, redirect: false, callbackUrl });
    if (result?.ok && !result.error) {
      window.location.assign(callbackUrl);
      return;
    }
    setPending(false);
    setError(describeError(result?.error ?? '', labels));
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      {error && (
        <div role="alert" className="alert-error">
          {error}
        </div>
      )}
      <div className="field">
        <label htmlFor="username">{labels.username}</label>
        <input id="username" name="username" autoComplete="username" required autoFocus />
      </div>
      <div className="field">
        <label htmlFor="password">{labels.password}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
      </div>
      <button type="submit" className={`btn btn-primary ${styles.submit ?? ''}`} disabled={pending}>
        {pending ? labels.submitting : labels.submit}
      </button>
    </form>
  );
}
