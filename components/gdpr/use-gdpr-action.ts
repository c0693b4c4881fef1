'use client';

import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import type { ActionResult, FieldErrors } from '@/lib/auth/tenant-action';

export type GdprOutcome = { kind: 'success' | 'error'; text: string; fieldErrors?: FieldErrors } | null;

/** Runs a server action of the GDPR pages: pending while it runs, then what it said, then a refresh. */
export function useGdprAction(genericError: string) {
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<GdprOutcome>(null);
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
        console.error('gdpr action failed', err);
        setOutcome({ kind: 'error', text: genericError });
      }
    });
  }

  return { run, pending, outcome };
}
