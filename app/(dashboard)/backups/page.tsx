import { env } from '@/lib/env';
import { getDb } from '@/lib/db/pool';
import { getLocale, openCurrentTenant } from '@/lib/auth/session';
import { getMessages } from '@/lib/i18n';
import { getStoreSettings } from '@/lib/shop/store-settings';
import { shopTimeZone } from '@/lib/webhooks/queries';
import { backupsPageParamSchema, getBackupsPage } from '@/lib/backups/get-backups-page';
import { BackupsLive } from '@/components/backups/backups-live';
import { RetentionForm } from '@/components/backups/retention-form';
import { getBackupRetention } from '@/lib/backups/retention';
import { Pagination } from '@/components/ui/pagination';
import styles from '@/components/backups/backups.module.css';
import { createBackupAction, restoreBackupAction, setBackupRetentionAction, verifyBackupAction } from './actions';
import { BACKUP_CREATE_ROLES, BACKUP_RESTORE_ROLES } from './backup-roles';

/** Seconds: the action answers at once, but the backup or restore it starts runs on after the response. */
export const maxDuration = 300;

export default async function BackupsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [locale, tenant, raw] = await Promise.all([getLocale(), openCurrentTenant(), searchParams]);
  const m = getMessages(locale).backups;
  const page = backupsPageParamSchema.parse(Array.isArray(raw.page) ? raw.page[0] : raw.page);
  const db = getDb(env().DATABASE_URL);
  const [data, store, retention] = await Promise.all([getBackupsPage(db, tenant.tenant.id, page), getStoreSettings(tenant), getBackupRetention(db, tenant.tenant.id)]);
  const canRestore = BACKUP_RESTORE_ROLES.includes(tenant.role);

  return (
    <div className={styles.page}>
      <div>
        <h1>{m.title}</h1>
        <p className={styles.lead}>{m.description}</p>
      </div>
      <BackupsLive
        key={`${tenant.tenant.id}-${page}`}
        initial={data}
        renderedAt={Date.now()}
        page={page}
        actions={{ create: createBackupAction, verify: verifyBackupAction, restore: canRestore ? restoreBackupAction : undefined }}
        canCreate={BACKUP_CREATE_ROLES.includes(tenant.role)}
        canRestore={canRestore}
        tenantSlug={tenant.tenant.slug}
        labels={m}
        locale={locale}
        timeZone={shopTimeZone(store)}
        pagination={<Pagination page={data.page} pageCount={data.pageCount} total={data.total} hrefFor={(p) => `/backups?page=${p}`} labels={m.pagination} locale={locale} />}
      />
      <RetentionForm
        keepDaily={retention.keepDaily}
        keepWeekly={retention.keepWeekly}
        setRetention={canRestore ? setBackupRetentionAction : undefined}
        labels={m.retention}
      />
    </div>
  );
}
