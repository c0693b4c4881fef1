'use client';

import { useEffect, useState } from 'react';
import { format, type Locale } from '@/lib/i18n/locale';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import type { JobsLabels } from './labels';
import { useRunNow, type RunJobNowAction, type RunNowOutcome } from './use-run-now';
import styles from './jobs.module.css';

const OUTCOME_CLASS: Record<NonNullable<RunNowOutcome>['kind'], string | undefined> = {
  success: styles.success,
  notice: styles.notice,
  error: styles.error,
};

/** "Run now" for admins: asks first, then waits for the run and says what came of it. */
export function RunNowButton({
  job,
  jobTitle,
  runJobNow,
  onPendingChange,
  labels,
  locale,
}: {
  job: string;
  jobTitle: string;
  runJobNow: RunJobNowAction;
  /** Tells the page a run is in progress, so it refreshes more often meanwhile (must be a stable function). */
  onPendingChange: (job: string, pending: boolean) => void;
  labels: Pick<JobsLabels, 'runNow' | 'errors'>;
  locale: Locale;
}) {
  const [confirming, setConfirming] = useState(false);
  const runs = useRunNow(runJobNow, labels, locale);
  useEffect(() => onPendingChange(job, runs.pending), [job, runs.pending, onPendingChange]);
  const start = () => {
    setConfirming(false);
    runs.run(job);
  };

  return (
    <div className={styles.runNow}>
      <button
        type="button"
        className="btn btn-primary"
        disabled={runs.pending}
        aria-label={format(labels.runNow.label, { job: jobTitle })}
        onClick={() => setConfirming(true)}
      >
        {runs.pending ? labels.runNow.working : labels.runNow.button}
      </button>
      <div aria-live="polite" role="status">
        {runs.outcome ? <p className={OUTCOME_CLASS[runs.outcome.kind]}>{runs.outcome.text}</p> : null}
      </div>
      <ConfirmDialog
        open={confirming}
        title={format(labels.runNow.confirmTitle, { job: jobTitle })}
        body={labels.runNow.confirmBody}
        confirmLabel={labels.runNow.confirm}
        cancelLabel={labels.runNow.cancel}
        pending={runs.pending}
        onConfirm={start}
        onCancel={() => setConfirming(false)}
      />
    </div>
  );
}
