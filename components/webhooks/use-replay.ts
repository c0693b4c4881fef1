'use client';

import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useQueryClient } from '@tanstack/react-query';
import { format, type Locale } from '@/lib/i18n/locale';
import { pluralLabel } from '@/components/overview/intl-format';
import type { ActionResult } from '@/lib/auth/tenant-action';
import type { WebhooksLabels } from './labels';
import { webhookQueryKeys } from './webhook-query-keys';

export type ReplayAction = (input: { eventIds: number[] }) => Promise<ActionResult<{ replayed: number }>>;
export type ActionOutcome = { kind: 'success' | 'error'; text: string } | null;

/** Runs the replay server action, says how it went, and refreshes what shows the events. */
export function useReplay(
  replay: ReplayAction,
  labels: { replay: WebhooksLabels['replay']; errors: WebhooksLabels['errors'] },
  locale: Locale,
) {
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<ActionOutcome>(null);
  const queryClient = useQueryClient();
  const router = useRouter();

  function run(eventIds: number[], onReplayed?: () => void) {
    setOutcome(null);
    startTransition(async () => {
      try {
        const result = await replay({ eventIds });
        if (result.ok) {
          const count = result.replayed;
          setOutcome({ kind: 'success', text: format(pluralLabel(labels.replay.done, count, locale), { count }) });
          onReplayed?.();
        } else {
          setOutcome({ kind: 'error', text: result.message });
        }
      } catch (err) {
        // The server logged its side; the page stays usable and says the replay did not happen.
        console.error('replay failed', err);
        setOutcome({ kind: 'error', text: labels.errors.generic });
      }
      await queryClient.invalidateQueries({ queryKey: webhookQueryKeys.all });
      router.refresh();
    });
  }

  return { run, pending, outcome };
}
