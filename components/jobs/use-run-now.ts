'use client';

import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useQueryClient } from '@tanstack/react-query';
import { format, type Locale } from '@/lib/i18n/locale';
import type { ActionResult } from '@/lib/auth/tenant-action';
import type { TenantRunOutcome } from '@/lib/jobs/run-job-on-tenant';
import { formatDuration } from './format-duration';
import type { JobsLabels } from './labels';
import { jobsQueryKeys } from './jobs-query-keys';

export type RunJobNowAction = (input: { job: string }) => Promise<ActionResult<{ outcome: TenantRunOutcome }>>;
/** `notice` is for a run that did not happen because another one is working: not an error, but not done either. */
export type RunNowOutcome = { kind: 'success' | 'notice' | 'error'; text: string } | null;

function describeOutcome(outcome: TenantRunOutcome, durationMs: number, labels: JobsLabels['runNow'], locale: Locale): RunNowOutcome {
  if ('skipped' in outcome) {
    const text = { running: labels.skippedRunning, duplicate: labels.skippedDuplicate, budget: labels.skippedBudget }[outcome.skipped];
    return { kind: 'notice', text };
  }
  if (outcome.status === 'failed') return { kind: 'error', text: labels.failed };
  const duration = formatDuration(durationMs, locale);
  return { kind: 'success', text: format(outcome.more ? labels.succeededMore : labels.succeeded, { duration }) };
}

/** Starts a run with the server action, says how it went, and refreshes what shows the runs. */
export function useRunNow(runJobNow: RunJobNowAction, labels: Pick<JobsLabels, 'runNow' | 'errors'>, locale: Locale) {
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<RunNowOutcome>(null);
  const queryClient = useQueryClient();
  const router = useRouter();

  function run(job: string) {
    setOutcome(null);
    startTransition(async () => {
      const started = performance.now();
      try {
        const result = await runJobNow({ job });
        setOutcome(
          result.ok
            ? describeOutcome(result.outcome, performance.now() - started, labels.runNow, locale)
            : { kind: 'error', text: result.message },
        );
      } catch (err) {
        // The server logged its side; the page stays usable and says the run did not start.
        console.error('run now failed', err);
        setOutcome({ kind: 'error', text: labels.errors.generic });
      }
      await queryClient.invalidateQueries({ queryKey: jobsQueryKeys.all });
      router.refresh();
    });
  }

  return { run, pending, outcome };
}
