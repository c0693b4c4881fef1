import { format } from '@/lib/i18n/locale';
import overview from '@/components/overview/overview.module.css';
import styles from '@/components/accounts/accounts.module.css';
import type { PublicTenant } from '@/lib/tenants/public-tenant';
import type { TenantsLabels } from './labels';

/**
 * The OpenCart line a shop's tables were last detected as (by its connection test), or that it has not
 * been tested yet, or that its tables fit neither supported line.
 */
export function OpenCartVersion({
  tenant,
  labels,
}: {
  tenant: Pick<PublicTenant, 'opencartVersion' | 'opencartVersionCheckedAt'>;
  labels: TenantsLabels['table'];
}) {
  if (tenant.opencartVersion) {
    return <span className={styles.badge}>{format(labels.opencartVersion, { version: tenant.opencartVersion })}</span>;
  }
  if (tenant.opencartVersionCheckedAt) {
    return <span className={`${styles.badge} ${styles.statusDisabled}`}>{labels.opencartUnknown}</span>;
  }
  return (
    <>
      <span>{labels.opencartNotChecked}</span>
      <span className={overview.secondary}>{labels.opencartNotCheckedHint}</span>
    </>
  );
}
