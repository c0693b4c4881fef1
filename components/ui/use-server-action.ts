'use client';

import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import type { ActionResult, FieldErrors } from '@/lib/auth/tenant-action';

export type ActionOutcome = { kind: 'success' | 'error'; text: string; fieldErrors?: FieldErrors } | null;

/**
 * Runs a dashboard server action: pending while it runs, then what it said (its own message and field
 * errors on a refusal, `genericError` when the request itself failed), then a refresh of the page.
 */
export function useServerAction(genericError: string) {
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<ActionOutcome>(null);
  const router = useRouter();

  function run<T extends object>(call: () => Promise<ActionResult<T>>, success: (result: T) => string, after?: (result: T) => void) {
    setOutcome(null);
    startTransition(async () => {
      try {
        const result = await call();
        if (result.ok) {
          setOutcome({ kind: 'success', text: success(result) });
          after?.(result);
          router.refresh();
        } else {
          setOutcome({ kind: 'error', text: result.message, fieldErrors: result.fieldErrors });
        }
      } catch (err) {
        // The server logged its side; the page stays usable and says it did not happen.
        console.error('action failed', err);
        setOutcome({ kind: 'error', text: genericError });
      }
    });
  }

  return { run, pending, outcome, clear: () => setOutcome(null) };
}
