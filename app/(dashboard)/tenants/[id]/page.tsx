import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { env } from '@/lib/env';
import { getDb } from '@/lib/db/pool';
import { openCartTables } from '@/lib/db/opencart';
import { DEFAULT_TENANT_SLUG } from '@/lib/db/migrate';
import { getLocale, requireSessionUser } from '@/lib/auth/session';
import { getMessages } from '@/lib/i18n';
import { ServiceError } from '@/lib/errors/service-error';
import { getAdministeredTenant } from '@/lib/tenants/tenant-admin-access';
import { listOpenCartAdmins, listTenantGrants } from '@/lib/tenants/tenant-grants';
import { publicTenant } from '@/lib/tenants/public-tenant';
import { TenantForm } from '@/components/tenants/tenant-form';
import { GrantsPanel } from '@/components/tenants/grants-panel';
import { TestConnectionButton } from '@/components/tenants/test-connection-button';
import { OpenCartVersion } from '@/components/tenants/opencart-version';
import styles from '@/components/accounts/accounts.module.css';
import { grantAccessAction, revokeAccessAction, testConnectionAction, updateTenantAction } from '../actions';

const tenantIdSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** One shop's settings and access, for its admins; any other id (another tenant's, or none) is a 404. */
export default async function TenantPage({ params }: { params: Promise<{ id: string }> }) {
  const [{ id }, locale, user] = await Promise.all([params, getLocale(), requireSessionUser()]);
  const tenantId = tenantIdSchema.safeParse(id);
  if (!tenantId.success) notFound();
  const db = getDb(env().DATABASE_URL);
  const tenant = await getAdministeredTenant(db, user, tenantId.data).catch((err: unknown) => {
    if (err instanceof ServiceError && err.code === 'NOT_FOUND') notFound();
    throw err;
  });
  const [grants, admins] = await Promise.all([listTenantGrants(db, user, tenant.id), listOpenCartAdmins(db, openCartTables(env().OPENCART_DB_PREFIX))]);
  const messages = getMessages(locale);
  const m = messages.tenants;
  const isDefault = tenant.slug === DEFAULT_TENANT_SLUG;
  const shown = publicTenant(tenant);

  return (
    <div className={styles.page}>
      <div>
        <p style={{ margin: '0 0 0.5rem' }}>
          <Link href="/tenants">← {m.back}</Link>
        </p>
        <h1>{tenant.name}</h1>
        <p className={styles.lead}>
          {shown.usesMainDatabase ? m.table.mainDatabase : shown.databaseHint} · {m.table.prefix} <code>{shown.tablePrefix || '—'}</code> · {m.status[shown.status]} ·{' '}
          <OpenCartVersion tenant={shown} labels={m.table} />
        </p>
      </div>
      <TestConnectionButton target={{ tenantId: tenant.id }} prefix={tenant.tablePrefix} testConnection={testConnectionAction} labels={m} />
      <TenantForm mode="edit" tenant={shown} isDefault={isDefault} updateTenant={updateTenantAction} testConnection={testConnectionAction} labels={m} />
      <GrantsPanel
        tenantId={tenant.id}
        grants={grants}
        admins={admins}
        currentUserId={user.id}
        isDefault={isDefault}
        grantAccess={grantAccessAction}
        revokeAccess={revokeAccessAction}
        labels={m}
        roles={messages.common.role}
        locale={locale}
        timeZone={tenant.timezone}
      />
    </div>
  );
}
