'use client';

import type { Locale } from '@/lib/i18n/locale';
import { ActionOutcomeMessage } from './action-outcome';
import type { WebhooksLabels } from './labels';
import { useReplay, type ReplayAction } from './use-replay';
import styles from './webhooks.module.css';

/** Replays one event from its detail page. */
export function ReplayButton({
  eventId,
  replay,
  primary = false,
  label,
  labels,
  locale,
}: {
  eventId: number;
  replay: ReplayAction;
  primary?: boolean;
  /** Defaults to "Replay". */
  label?: string;
  labels: Pick<WebhooksLabels, 'replay' | 'errors'>;
  locale: Locale;
}) {
  const { run, pending, outcome } = useReplay(replay, labels, locale);
  return (
    <div className={styles.actionsRow}>
      <button type="button" className={`btn ${primary ? 'btn-primary' : ''}`} disabled={pending} onClick={() => run([eventId])}>
        {pending ? labels.replay.working : (label ?? labels.replay.one)}
      </button>
      <ActionOutcomeMessage outcome={outcome} />
    </div>
  );
}
