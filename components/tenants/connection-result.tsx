import { format } from '@/lib/i18n/locale';
import type { ConnectionTestResult } from '@/lib/tenants/test-tenant-connection';
import styles from '@/components/accounts/accounts.module.css';
import type { TenantsLabels } from './labels';

/** A connection test's answer in words: what was found, or what is missing or wrong. */
export function ConnectionResult({ result, prefix, labels }: { result: ConnectionTestResult; prefix: string; labels: TenantsLabels['test'] }) {
  if (result.ok) {
    return (
      <p role="status" className={styles.success}>
        {format(labels.ok, { version: result.serverVersion, opencart: result.opencartVersion, count: result.tableCount, prefix })}
      </p>
    );
  }
  const text =
    result.problem === 'missing_tables'
      ? format(labels.problems.missing_tables, { count: result.missingCount ?? 0, prefix, names: (result.missing ?? []).join(', ') })
      : result.problem === 'unknown_version'
        ? format(labels.problems.unknown_version, { prefix, found: (result.found ?? []).join(', ') || '—' })
        : labels.problems[result.problem];
  return (
    <div role="alert" className={styles.error}>
      <p style={{ margin: 0 }}>{text}</p>
      {result.problem !== 'missing_tables' && result.problem !== 'unknown_version' && result.detail ? (
        <p style={{ margin: '0.25rem 0 0', fontSize: '0.8rem' }}>{format(labels.serverSaid, { detail: result.detail })}</p>
      ) : null}
    </div>
  );
}
