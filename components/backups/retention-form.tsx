'use client';

import { useState, useTransition } from 'react';
import { format } from '@/lib/i18n/locale';
import type { ActionResult } from '@/lib/auth/tenant-action';
import type { BackupsLabels } from './labels';
import styles from './backups.module.css';

export type SetRetentionAction = (input: { keepDaily: number; keepWeekly: number }) => Promise<ActionResult<{ keepDaily: number; keepWeekly: number }>>;

/** The shop's retention rule; admins may change it. */
export function RetentionForm({
  keepDaily,
  keepWeekly,
  setRetention,
  labels,
}: {
  keepDaily: number;
  keepWeekly: number;
  /** Only for admins. */
  setRetention: SetRetentionAction | undefined;
  labels: BackupsLabels['retention'];
}) {
  const [pending, startTransition] = useTransition();
  const [daily, setDaily] = useState(String(keepDaily));
  const [weekly, setWeekly] = useState(String(keepWeekly));
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);

  return (
    <section className={styles.retention} aria-labelledby="backup-retention-title">
      <h2 id="backup-retention-title">{labels.title}</h2>
      <p className={styles.hint}>{labels.description}</p>
      {setRetention ? (
        <form
          className={styles.retentionForm}
          onSubmit={(e) => {
            e.preventDefault();
            setOutcome(null);
            startTransition(async () => {
              const result = await setRetention({ keepDaily: Number(daily), keepWeekly: Number(weekly) });
              setOutcome(result.ok ? { ok: true, text: format(labels.saved, { daily: String(result.keepDaily), weekly: String(result.keepWeekly) }) } : { ok: false, text: result.message });
            });
          }}
        >
          <label className={styles.field}>
            {labels.daily}
            <input type="number" min={1} max={366} required value={daily} onChange={(e) => setDaily(e.target.value)} />
          </label>
          <label className={styles.field}>
            {labels.weekly}
            <input type="number" min={0} max={366} required value={weekly} onChange={(e) => setWeekly(e.target.value)} />
          </label>
          <button type="submit" className="btn" disabled={pending}>
            {pending ? labels.saving : labels.save}
          </button>
        </form>
      ) : (
        <p>{format(labels.current, { daily: String(keepDaily), weekly: String(keepWeekly) })}</p>
      )}
      {outcome ? (
        <p className={outcome.ok ? styles.success : styles.error} role={outcome.ok ? 'status' : 'alert'}>
          {outcome.text}
        </p>
      ) : null}
    </section>
  );
}
