import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import mysql from 'mysql2/promise';
import { z } from 'zod';
import { productLinks, tenants, type Tenant } from '@/lib/db/schema';
import { withDatabase } from '@/lib/db/server';
import { createAppTestDatabaseFor, TEST_SERVER_URL, type OpenCartTestVersion, type TestDatabase } from '@/lib/testing/harness';
import { DEFAULT_TENANT_SLUG } from '@/lib/db/migrate';
import type { BackupConfig } from './backup-config';
import { localBackupStore } from './local-backup-store';
import type { BackupDeps } from './create-backup';
import { quoteName } from './sql-literal';

/** A value for every way a dump can go wrong: quotes, backslashes, line breaks, NUL, ^Z, emoji, Turkish letters. */
export const HOSTILE_TEXT = "O'Reilly \"quoted\" back\\slash\nnew line\r\n\0 nul \x1a ctrl-z 🛒🇹🇷 çğıöşü İ -- not a comment; DROP TABLE x;";
export const HOSTILE_BYTES = Buffer.from([0, 1, 2, 0x27, 0x5c, 0x0a, 0x0d, 0x1a, 0x80, 0xff, 0xfe, 0x22]);

export type BackupTestShop = { t: TestDatabase; tenant: Tenant; deps: BackupDeps; dir: string; hostileTable: string; cleanUp: () => Promise<void> };

export function randomKey(): Buffer {
  return randomBytes(32);
}

/**
 * The app's database with OpenCart's real tables, hostile values in them, one extra prefixed table of
 * every column type (as extensions add), and a companion row; backups go to a temporary directory.
 */
/** A shop of OpenCart's real tables (3.0.4.1 unless `version` says 4.0) with hostile values in them and a companion row. */
export async function setUpBackupShop(hint: string, key: Buffer | null, version: OpenCartTestVersion = '3.0'): Promise<BackupTestShop> {
  const t = await createAppTestDatabaseFor(version, hint);
  const [tenant] = await t.db.select().from(tenants).where(eq(tenants.slug, DEFAULT_TENANT_SLUG));
  const dir = await mkdtemp(path.join(os.tmpdir(), 'msc-backups-'));
  const config: BackupConfig = { store: localBackupStore(dir), key };
  const prefix = tenant!.tablePrefix;
  const hostileTable = `${prefix}hostile_values`;
  const conn = await mysql.createConnection({ uri: t.url, charset: 'utf8mb4' });
  try {
    await conn.query("SET SESSION sql_mode = ''");
    await conn.query(
      `CREATE TABLE ${quoteName(hostileTable)} (
        id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
        txt TEXT NULL, vc VARCHAR(255) CHARACTER SET utf8mb4 NULL, latin VARCHAR(64) CHARACTER SET latin1 NULL,
        bin VARBINARY(64) NULL, blb LONGBLOB NULL, bits BIT(12) NULL,
        i BIGINT NULL, u BIGINT UNSIGNED NULL, d DECIMAL(15,4) NULL, f FLOAT NULL, dbl DOUBLE NULL,
        dt DATETIME NULL, dt6 DATETIME(6) NULL, dd DATE NULL, ts TIMESTAMP NULL DEFAULT NULL, tm TIME NULL, y YEAR NULL,
        e ENUM('a','b','ç') NULL, s SET('x','y') NULL, j JSON NULL
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4`,
    );
    await conn.query(
      `INSERT INTO ${quoteName(hostileTable)} (txt, vc, latin, bin, blb, bits, i, u, d, f, dbl, dt, dt6, dd, ts, tm, y, e, s, j) VALUES
       (?, ?, 'café', ?, ?, b'101010101010', -9223372036854775808, 18446744073709551615, -12345678901.1234, 0.1, 1.7976931348623157e308,
        '0000-00-00 00:00:00', '2024-02-29 23:59:59.123456', '0000-00-00', '2038-01-19 03:14:07', '-838:59:59', 2155, 'ç', 'x,y', '{"a": "ü\\\\n"}'),
       (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
       ('', '', '', '', '', b'0', 0, 0, 0, -0.0, 5e-324, '1000-01-01 00:00:00', '9999-12-31 23:59:59.999999', '9999-12-31', '1970-01-01 00:00:01', '00:00:00', 1901, 'a', '', '[]')`,
      [HOSTILE_TEXT, HOSTILE_TEXT.slice(0, 200), HOSTILE_BYTES, Buffer.concat([HOSTILE_BYTES, randomBytes(70_000)])],
    );
    // Real OpenCart rows with hostile text and OpenCart's own zero dates.
    await conn.query(`UPDATE ${quoteName(`${prefix}product_description`)} SET name = ?, description = ? WHERE product_id = 28`, [HOSTILE_TEXT.slice(0, 255), HOSTILE_TEXT]);
    await conn.query(`UPDATE ${quoteName(`${prefix}product`)} SET date_available = '0000-00-00' WHERE product_id = 29`);
    await conn.query(`INSERT INTO ${quoteName(`${prefix}session`)} (session_id, data, expire) VALUES ('s1', ?, NOW())`, [HOSTILE_TEXT]);
  } finally {
    await conn.end();
  }
  await t.db.insert(productLinks).values({ tenantId: tenant!.id, accountId: 1, marketplaceSku: `SKU-${HOSTILE_TEXT.slice(0, 40)}`, ocProductId: 28, createdBy: 'test' });
  return {
    t,
    tenant: tenant!,
    deps: { mainDb: t.db, mainDatabaseUrl: t.url, config },
    dir,
    hostileTable,
    cleanUp: async () => {
      await rm(dir, { recursive: true, force: true });
      await t.drop();
    },
  };
}

/** A database name for a restore that the harness's clean-up also finds (msct_ prefix). */
export function restoreDatabaseName(hint: string): string {
  return `msct_${hint}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
}

export async function dropDatabaseNamed(name: string) {
  const conn = await mysql.createConnection({ uri: TEST_SERVER_URL });
  try {
    await conn.query(`DROP DATABASE IF EXISTS ${quoteName(name)}`);
  } finally {
    await conn.end();
  }
}

const checksumRowSchema = z.object({ Table: z.string(), Checksum: z.coerce.number().nullable() });

/**
 * Row counts and MariaDB's own CHECKSUM TABLE of every table with the prefix (and the tenant's product
 * links): an independent judge of "the restored database equals the original".
 */
export async function databaseFingerprint(database: string, prefix: string, tenantId: number): Promise<Record<string, string>> {
  const conn = await mysql.createConnection({ uri: withDatabase(TEST_SERVER_URL, database) });
  try {
    const [tables] = await conn.query('SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name LIKE ? ORDER BY table_name', [
      `${prefix.replace(/_/g, '\\_')}%`,
    ]);
    const names = z.array(z.object({ name: z.string() })).parse(tables).map((r) => r.name);
    const out: Record<string, string> = {};
    for (const name of names) {
      const [count] = await conn.query(`SELECT COUNT(*) AS n FROM ${quoteName(name)}`);
      const [sum] = await conn.query(`CHECKSUM TABLE ${quoteName(name)}`);
      out[name] = `${z.array(z.object({ n: z.coerce.number() })).parse(count)[0]!.n}:${checksumRowSchema.array().parse(sum)[0]!.Checksum}`;
    }
    const [links] = await conn.query('SELECT marketplace_sku, oc_product_id FROM msc_product_link WHERE tenant_id = ? ORDER BY id', [tenantId]);
    out.msc_product_link = JSON.stringify(links);
    return out;
  } finally {
    await conn.end();
  }
}
