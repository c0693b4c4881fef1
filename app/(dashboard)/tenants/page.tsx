import { env } from '@/lib/env';
import { getDb } from '@/lib/db/pool';
import { DEFAULT_TENANT_SLUG } from '@/lib/db/migrate';
import { getLocale, requireSessionUser } from '@/lib/auth/session';
import { getMessages } from '@/lib/i18n';
import { canCreateTenants, listAdministeredTenants } from '@/lib/tenants/tenant-admin-access';
import { publicTenant } from '@/lib/tenants/public-tenant';
import { TenantsTable } from '@/components/tenants/tenants-table';
import { TenantForm } from '@/components/tenants/tenant-form';
import styles from '@/components/accounts/accounts.module.css';
import { createTenantAction, setTenantStatusAction, testConnectionAction } from './actions';

export default async function TenantsPage() {
  const [locale, user] = await Promise.all([getLocale(), requireSessionUser()]);
  const m = getMessages(locale).tenants;
  const db = getDb(env().DATABASE_URL);
  const [administered, mayCreate] = await Promise.all([listAdministeredTenants(db, user), canCreateTenants(db, user)]);
  if (administered.length === 0) {
    return (
      <div className={`${styles.page} ${styles.forbidden}`}>
        <h1>{m.forbiddenTitle}</h1>
        <p className="alert-error" role="alert">
          {m.forbidden}
        </p>
      </div>
    );
  }

  return (
    <div className={styles.page}>
      <div>
        <h1>{m.title}</h1>
        <p className={styles.lead}>{m.description}</p>
      </div>
      <TenantsTable
        tenants={administered.map((t) => ({ ...publicTenant(t), role: t.role }))}
        defaultSlug={DEFAULT_TENANT_SLUG}
        testConnection={testConnectionAction}
        setStatus={setTenantStatusAction}
        labels={m}
      />
      {mayCreate ? <TenantForm mode="create" createTenant={createTenantAction} testConnection={testConnectionAction} labels={m} /> : null}
    </div>
  );
}
