'use client';

import { useEffect } from 'react';

/** Shown when a dashboard page throws; the server log has the cause, the page shows no internals. */
export default function DashboardError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const tr = typeof document !== 'undefined' && document.documentElement.lang === 'tr';
  return (
    <div role="alert" className="alert-error">
      <p>
        <strong>{tr ? 'Bir şeyler ters gitti' : 'Something went wrong'}</strong>
      </p>
      <p>{tr ? 'Sayfa yüklenemedi. Lütfen tekrar deneyin.' : 'The page could not be loaded. Please try again.'}</p>
      {error.digest && <p>Ref: {error.digest}</p>}
      <button type="button" className="btn" onClick={reset}>
        {tr ? 'Tekrar dene' : 'Try again'}
      </button>
    </div>
  );
}
