import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, backups } from '@/lib/db/schema';
import { createBackup } from './create-backup';
import { applyBackupRetention, chooseBackupsToKeep, setBackupRetention } from './retention';
import { setUpBackupShop, type BackupTestShop } from './backups.test-helper';

const DAY_MS = 24 * 60 * 60_000;
const at = (iso: string) => new Date(`${iso}T02:00:00Z`);

describe('chooseBackupsToKeep', () => {
  const list = [
    // Newest first does not matter: the function sorts.
    { id: 1, status: 'succeeded' as const, startedAt: at('2026-10-05') }, // Monday
    { id: 2, status: 'succeeded' as const, startedAt: at('2026-10-12') }, // Monday
    { id: 3, status: 'succeeded' as const, startedAt: at('2026-10-19') },
    { id: 4, status: 'succeeded' as const, startedAt: at('2026-10-25') }, // Sunday
    { id: 5, status: 'succeeded' as const, startedAt: at('2026-10-26') },
    { id: 6, status: 'succeeded' as const, startedAt: new Date('2026-10-26T20:00:00Z') },
    { id: 7, status: 'bad' as const, startedAt: at('2026-10-27') },
  ];

  it('keeps the newest good backup of each of the last N days and M weeks', () => {
    // Days: 26 Oct (6), 25 Oct (4). Weeks from Monday: 26 Oct (6), 19 Oct (4, the Sunday, is newer than 3), 12 Oct (2).
    expect([...chooseBackupsToKeep(list, { keepDaily: 2, keepWeekly: 3 })].sort()).toEqual([2, 4, 6]);
    expect([...chooseBackupsToKeep(list, { keepDaily: 1, keepWeekly: 0 })]).toEqual([6]);
    expect([...chooseBackupsToKeep(list, { keepDaily: 10, keepWeekly: 10 })].sort()).toEqual([1, 2, 3, 4, 6]);
  });
});

describe('applyBackupRetention', () => {
  let shop: BackupTestShop;
  beforeAll(async () => {
    shop = await setUpBackupShop('bkretain', null);
  });
  afterAll(async () => shop?.cleanUp());

  it('deletes the files and rows retention does not keep, and audits each deletion', async () => {
    const { t, tenant, deps } = shop;
    const made = [];
    for (let i = 0; i < 3; i++) made.push(await createBackup(deps, { tenant, kind: 'scheduled', requestedBy: 'test' }));
    // Three backups on three days, the oldest first.
    const now = new Date();
    for (const [i, b] of made.entries()) {
      await t.db.update(backups).set({ startedAt: new Date(now.getTime() - (3 - i) * DAY_MS) }).where(eq(backups.id, b.id));
    }
    await setBackupRetention(t.db, tenant.id, { keepDaily: 1, keepWeekly: 0 }, { userId: null, username: 'test' });
    const result = await applyBackupRetention(t.db, deps.config.store, tenant.id, now);
    expect(result.deleted).toBe(2);
    expect(result.freedBytes).toBe(made[0]!.bytes + made[1]!.bytes);
    const left = await t.db.select({ id: backups.id }).from(backups).where(eq(backups.tenantId, tenant.id));
    expect(left.map((b) => b.id)).toEqual([made[2]!.id]);
    expect(await deps.config.store.list()).toEqual([made[2]!.fileName]);
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.action, 'backup.delete'));
    expect(audits.map((a) => Number(a.targetId)).sort()).toEqual([made[0]!.id, made[1]!.id].sort());
  });
});
