'use client';

import { format } from '@/lib/i18n/locale';
import type { AccountsLabels } from './labels';
import { CopyButton } from './copy-button';
import styles from './accounts.module.css';

/** A new secret, shown this once with a copy button and the warning that it cannot be read again. */
export function SecretReveal({
  accountName,
  secret,
  onDismiss,
  labels,
}: {
  accountName: string;
  secret: string;
  onDismiss: () => void;
  labels: Pick<AccountsLabels, 'secret' | 'copy'>;
}) {
  return (
    <section className={styles.secret} aria-labelledby="new-secret-title" role="region">
      <h3 id="new-secret-title" className={styles.secretTitle}>
        {format(labels.secret.title, { name: accountName })}
      </h3>
      <p className={styles.secretWarning}>{labels.secret.warning}</p>
      <div className={styles.secretValueRow}>
        <code className={styles.secretValue} aria-label={labels.secret.label} data-testid="new-secret">
          {secret}
        </code>
        <CopyButton text={secret} label={labels.copy.button} copiedLabel={labels.copy.copied} failedLabel={labels.copy.failed} />
      </div>
      <div>
        <button type="button" className="btn" onClick={onDismiss}>
          {labels.secret.dismiss}
        </button>
      </div>
    </section>
  );
}
