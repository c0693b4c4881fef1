import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenants, type Tenant } from '@/lib/db/schema';
import { eq } from 'drizzle-orm';
import { createBackup } from './create-backup';
import { restoreBackup } from './restore-backup';
import { getTenantBackup, verifyBackup } from './verify-backup';
import { getBackupsPage } from './get-backups-page';
import { restoreDatabaseName, setUpBackupShop, type BackupTestShop } from './backups.test-helper';

let shop: BackupTestShop;
let other: Tenant;

beforeAll(async () => {
  shop = await setUpBackupShop('bkiso', null);
  await shop.t.db.insert(tenants).values({ slug: 'other-shop', name: 'Other shop', tablePrefix: shop.tenant.tablePrefix });
  const [row] = await shop.t.db.select().from(tenants).where(eq(tenants.slug, 'other-shop'));
  other = row!;
});
afterAll(async () => shop?.cleanUp());

describe("another shop's backup", () => {
  it('answers not found to verify, restore and lookups, and is not listed', async () => {
    const backup = await createBackup(shop.deps, { tenant: shop.tenant, kind: 'manual', requestedBy: 'test' });
    await expect(getTenantBackup(shop.t.db, other.id, backup.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(verifyBackup(shop.t.db, shop.deps.config, other.id, backup.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      restoreBackup(shop.deps, { tenant: other, backupId: backup.id, target: { kind: 'new', database: restoreDatabaseName('bkiso') }, requestedBy: 'test' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await getBackupsPage(shop.t.db, other.id, 1)).items).toEqual([]);
    expect((await getBackupsPage(shop.t.db, shop.tenant.id, 1)).items.map((b) => b.id)).toEqual([backup.id]);
  });
});
