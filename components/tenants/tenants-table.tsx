import Link from 'next/link';
import { format } from '@/lib/i18n/locale';
import type { AdministeredTenant } from '@/lib/tenants/public-tenant';
import { EmptyState } from '@/components/overview/empty-state';
import overview from '@/components/overview/overview.module.css';
import styles from '@/components/accounts/accounts.module.css';
import own from './tenants.module.css';
import type { TenantsLabels } from './labels';
import type { SetTenantStatusAction, TestConnectionAction } from './tenant-actions';
import { TenantStatusButton } from './tenant-status-button';
import { TestConnectionButton } from './test-connection-button';
import { OpenCartVersion } from './opencart-version';

/** The shops the user administers, with their connection test and the switch that disables them. */
export function TenantsTable({
  tenants,
  defaultSlug,
  testConnection,
  setStatus,
  labels,
}: {
  tenants: AdministeredTenant[];
  defaultSlug: string;
  testConnection: TestConnectionAction;
  setStatus: SetTenantStatusAction;
  labels: TenantsLabels;
}) {
  const t = labels.table;
  return (
    <section className={overview.panel} aria-labelledby="tenants-title">
      <div className={overview.panelHeader}>
        <h2 id="tenants-title" className={overview.panelTitle}>
          {t.caption}
        </h2>
      </div>
      {tenants.length === 0 ? (
        <EmptyState title={t.empty} hint={t.emptyHint} />
      ) : (
        <div className={overview.tableWrap}>
          <table className={overview.table}>
            <caption className="visually-hidden">{t.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.name}</th>
                <th scope="col">{t.database}</th>
                <th scope="col">{t.prefix}</th>
                <th scope="col">{t.opencart}</th>
                <th scope="col" className={overview.hideOnPhone}>
                  {t.timezone}
                </th>
                <th scope="col">{t.status}</th>
                <th scope="col">{t.actions}</th>
              </tr>
            </thead>
            <tbody>
              {tenants.map((tenant) => (
                <tr key={tenant.id}>
                  <th scope="row" className={own.rowHeader}>
                    <Link href={`/tenants/${tenant.id}`} aria-label={format(labels.form.manageLabel, { name: tenant.name })}>
                      {tenant.name}
                    </Link>
                    <span className={overview.secondary}>{tenant.slug}</span>
                  </th>
                  <td>{tenant.usesMainDatabase ? t.mainDatabase : <code className={styles.url}>{tenant.databaseHint}</code>}</td>
                  <td>
                    <code>{tenant.tablePrefix || '—'}</code>
                    <span className={overview.secondary}>
                      {t.store} {tenant.storeId}
                    </span>
                  </td>
                  <td>
                    <OpenCartVersion tenant={tenant} labels={t} />
                  </td>
                  <td className={overview.hideOnPhone}>{tenant.timezone}</td>
                  <td>
                    <span className={`${styles.badge} ${tenant.status === 'active' ? styles.statusActive : styles.statusDisabled}`}>{labels.status[tenant.status]}</span>
                  </td>
                  <td>
                    <div className={styles.rowActions}>
                      <TestConnectionButton
                        target={{ tenantId: tenant.id }}
                        prefix={tenant.tablePrefix}
                        label={format(labels.test.label, { name: tenant.name })}
                        testConnection={testConnection}
                        labels={labels}
                      />
                      {tenant.slug === defaultSlug ? null : (
                        <TenantStatusButton tenantId={tenant.id} name={tenant.name} status={tenant.status} setStatus={setStatus} labels={labels} />
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
