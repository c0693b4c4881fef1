'use client';

import { useState, useTransition } from 'react';
import type { ConnectionTestResult } from '@/lib/tenants/test-tenant-connection';
import styles from '@/components/accounts/accounts.module.css';
import { ConnectionResult } from './connection-result';
import type { TenantsLabels } from './labels';
import type { TestConnectionAction } from './tenant-actions';

/** Tests a saved shop's connection (or what `draft` reads from a form) and shows the answer below. */
export function TestConnectionButton({
  target,
  prefix,
  label,
  testConnection,
  labels,
}: {
  /** A saved shop, or a function reading the form's current values. */
  target: { tenantId: number } | (() => { databaseUrl: string; tablePrefix: string });
  prefix: string | (() => string);
  label?: string;
  testConnection: TestConnectionAction;
  labels: TenantsLabels;
}) {
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<{ result: ConnectionTestResult; prefix: string } | { message: string } | null>(null);
  return (
    <div className={styles.field}>
      <div>
        <button
          type="button"
          className={`btn ${styles.small}`}
          aria-label={label}
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              try {
                const input = typeof target === 'function' ? target() : target;
                const result = await testConnection(input);
                const shownPrefix = typeof prefix === 'function' ? prefix() : prefix;
                setOutcome(result.ok ? { result: result.result, prefix: shownPrefix } : { message: result.message });
              } catch (err) {
                console.error('the connection test failed', err);
                setOutcome({ message: labels.errors.generic });
              }
            })
          }
        >
          {pending ? labels.test.working : labels.test.button}
        </button>
      </div>
      {outcome && 'result' in outcome ? <ConnectionResult result={outcome.result} prefix={outcome.prefix} labels={labels.test} /> : null}
      {outcome && 'message' in outcome ? (
        <p role="alert" className={styles.error}>
          {outcome.message}
        </p>
      ) : null}
    </div>
  );
}
