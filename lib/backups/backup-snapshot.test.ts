import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import mysql from 'mysql2/promise';
import { setUpBackupShop, type BackupTestShop } from './backups.test-helper';
import { dumpSnapshot } from './snapshot-dump';
import { TextSink } from './text-sink';

let shop: BackupTestShop;

beforeAll(async () => {
  shop = await setUpBackupShop('bksnap', null);
});
afterAll(async () => shop?.cleanUp());

/** A sink that holds every write until `open` is called: the backup stands still in the middle. */
function heldSink() {
  const chunks: Buffer[] = [];
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  const stream = new Writable({
    highWaterMark: 16 * 1024,
    write(chunk: Buffer, _enc, callback) {
      chunks.push(chunk);
      opened.then(() => callback(), callback);
    },
  });
  return { stream, open, text: () => Buffer.concat(chunks).toString('utf8') };
}

describe('a backup is one moment of the shop', () => {
  it('writes made while it runs are not in it; InnoDB writes go through at once, MyISAM writes wait only for the locked read', async () => {
    const { tenant, t } = shop;
    const p = tenant.tablePrefix;
    const sink = heldSink();
    const writer = await mysql.createConnection({ uri: t.url });
    const myisamWriter = await mysql.createConnection({ uri: t.url });
    let innodbWrites: Promise<unknown> | null = null;
    let myisamWrite: Promise<unknown> | null = null;
    const events: string[] = [];
    try {
      const dumped = dumpSnapshot({
        shopUrl: t.url,
        mainUrl: t.url,
        prefix: p,
        tenantId: tenant.id,
        sink: new TextSink(sink.stream),
        onTablesPlanned: () => undefined,
        onProgress: () => {
          if (innodbWrites) return;
          innodbWrites = (async () => {
            await writer.query(`INSERT INTO ${p}session (session_id, data, expire) VALUES ('written-during-backup', '', NOW())`);
            await writer.query("INSERT INTO msc_product_link (tenant_id, account_id, marketplace_sku, oc_product_id, created_by) VALUES (?, 1, 'SKU-DURING-BACKUP', 30, 'test')", [tenant.id]);
            events.push('innodb written');
            // Only now does the held backup move on: had these writes waited for it, this would never run.
            sink.open();
          })();
          myisamWrite = myisamWriter.query(`UPDATE ${p}product_description SET name = 'CHANGED-DURING-BACKUP' WHERE product_id = 30`).then(() => events.push('myisam written'));
        },
      });
      const result = await dumped;
      events.push('backup done');
      await Promise.all([innodbWrites, myisamWrite]);

      const text = sink.text();
      expect(text).not.toContain('written-during-backup');
      expect(text).not.toContain('SKU-DURING-BACKUP');
      expect(text).not.toContain('CHANGED-DURING-BACKUP');
      expect(text).toContain("'s1'");
      expect(events.indexOf('innodb written')).toBeLessThan(events.indexOf('backup done'));
      expect(events).toContain('myisam written');
      expect(result.tables.find((x) => x.name === `${p}session`)).toMatchObject({ rows: 1, readLocked: false });
      expect(result.tables.find((x) => x.name === `${p}product_description`)).toMatchObject({ readLocked: true });
      expect(result.lockMs).toBeGreaterThanOrEqual(0);

      const [rows] = await writer.query(`SELECT name FROM ${p}product_description WHERE product_id = 30 LIMIT 1`);
      expect(rows).toEqual([{ name: 'CHANGED-DURING-BACKUP' }]);
    } finally {
      sink.open();
      await Promise.all([writer.end(), myisamWriter.end()]);
    }
  });
});
