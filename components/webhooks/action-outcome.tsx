import type { ActionOutcome } from './use-replay';
import styles from './webhooks.module.css';

/** What an action just did, announced to screen readers as it appears. */
export function ActionOutcomeMessage({ outcome }: { outcome: ActionOutcome }) {
  return (
    <div aria-live="polite" role="status">
      {outcome ? <p className={outcome.kind === 'success' ? styles.success : styles.error}>{outcome.text}</p> : null}
    </div>
  );
}
