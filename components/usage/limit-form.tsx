'use client';

import { useId, useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useQueryClient } from '@tanstack/react-query';
import { format } from '@/lib/i18n/locale';
import type { ActionResult } from '@/lib/auth/tenant-action';
import type { UsageLabels } from './labels';
import { usageQueryKeys } from './usage-query-keys';
import styles from './usage.module.css';

export type SetLimitAction = (input: { resource: string; scope: string; limit: string }) => Promise<ActionResult>;

/** An admin's box for one quota's limit; saving re-reads the page's figures. */
export function LimitForm({
  resource,
  scope,
  limit,
  quotaName,
  setLimit,
  labels,
}: {
  resource: string;
  scope: string;
  limit: number;
  quotaName: string;
  setLimit: SetLimitAction;
  labels: UsageLabels;
}) {
  const id = useId();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [value, setValue] = useState(String(limit));
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);

  return (
    <form
      className={styles.limitForm}
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          try {
            const result = await setLimit({ resource, scope, limit: value });
            setOutcome(result.ok ? { ok: true, text: labels.limitForm.saved } : { ok: false, text: result.message });
            if (result.ok) {
              await queryClient.invalidateQueries({ queryKey: usageQueryKeys.all });
              router.refresh();
            }
          } catch (err) {
            console.error('saving the limit failed', err);
            setOutcome({ ok: false, text: labels.errors.generic });
          }
        });
      }}
    >
      <label htmlFor={`${id}-limit`} className="visually-hidden">
        {format(labels.limitForm.label, { quota: quotaName })}
      </label>
      <input
        id={`${id}-limit`}
        className={styles.limitInput}
        type="number"
        inputMode="numeric"
        min={0}
        step={1}
        required
        value={value}
        onChange={(e) => setValue(e.target.value)}
        aria-describedby={outcome ? `${id}-outcome` : undefined}
      />
      <button type="submit" className={`btn ${styles.small}`} disabled={pending}>
        {pending ? labels.limitForm.saving : labels.limitForm.button}
      </button>
      {outcome ? (
        <p id={`${id}-outcome`} role={outcome.ok ? 'status' : 'alert'} className={`${styles.formMessage} ${outcome.ok ? styles.formOk : styles.formError}`}>
          {outcome.text}
        </p>
      ) : null}
    </form>
  );
}
