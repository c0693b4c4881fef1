import type { ActionOutcome } from '@/components/ui/use-server-action';
import styles from './gdpr.module.css';

/** What an action just did, announced to screen readers as it appears. */
export function OutcomeMessage({ outcome }: { outcome: ActionOutcome }) {
  return (
    <div aria-live="polite" role="status">
      {outcome ? <p className={outcome.kind === 'success' ? styles.success : styles.error}>{outcome.text}</p> : null}
    </div>
  );
}

export function FieldError({ outcome, name }: { outcome: ActionOutcome; name: string }) {
  const messages = outcome?.fieldErrors?.[name];
  return messages ? <p className={styles.fieldError}>{messages.join(' ')}</p> : null;
}
