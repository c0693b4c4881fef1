import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpBackupShop, HOSTILE_BYTES, HOSTILE_TEXT, type BackupTestShop } from './backups.test-helper';
import { readTableTuples } from './read-table-rows';
import { RowChecksum } from './row-checksum';
import { openReadConnection } from './snapshot-dump';
import { literalOf, quoteName } from './sql-literal';
import { planOpenCartTables, type TablePlan } from './table-plan';

let shop: BackupTestShop;
let plans: TablePlan[];

beforeAll(async () => {
  shop = await setUpBackupShop('bktuple', null);
  const conn = openReadConnection(shop.t.url);
  try {
    plans = await planOpenCartTables(conn.promise(), shop.tenant.tablePrefix);
  } finally {
    conn.destroy();
  }
});
afterAll(async () => shop?.cleanUp());

/** The tuples as backups wrote them before they were built from the row bytes: literalOf over mysql2's values. */
async function tuplesThroughValues(plan: TablePlan): Promise<string[]> {
  const conn = openReadConnection(shop.t.url);
  try {
    const [rows] = await conn.promise().query({ sql: `SELECT ${plan.columns.map((c) => quoteName(c.name)).join(', ')} FROM ${quoteName(plan.name)}`, rowsAsArray: true });
    return (rows as unknown[][]).map((row) => `(${row.map((value, i) => literalOf(plan.columns[i]!.kind, value)).join(',')})`);
  } finally {
    conn.destroy();
  }
}

async function tuplesFromBytes(plan: TablePlan): Promise<{ tuples: string[]; checksum: string }> {
  const conn = openReadConnection(shop.t.url);
  const batches: Buffer[] = [];
  const checksum = new RowChecksum();
  try {
    await readTableTuples(conn, plan, shop.tenant.id, { prefix: '', suffix: '\n', bytes: 64, checksum, onBatch: (batch) => void batches.push(batch) });
  } finally {
    conn.destroy();
  }
  const text = Buffer.concat(batches).toString('utf8');
  return { tuples: text.split('\n').filter((line) => line !== '').map((line) => line.replace(/,$/, '')), checksum: checksum.hex() };
}

describe('tuples built from the row bytes', () => {
  it('equal, byte for byte, what literalOf writes for every column type, hostile text and bytes included', async () => {
    for (const name of [shop.hostileTable, `${shop.tenant.tablePrefix}product_description`, `${shop.tenant.tablePrefix}session`, `${shop.tenant.tablePrefix}currency`]) {
      const plan = plans.find((p) => p.name === name)!;
      const expected = await tuplesThroughValues(plan);
      const actual = await tuplesFromBytes(plan);
      expect(actual.tuples).toEqual(expected);
      const checksum = new RowChecksum();
      for (const tuple of expected) checksum.add(tuple);
      expect(actual.checksum).toBe(checksum.hex());
    }
  });

  it('checksum UTF-8 bytes as the strings they decode to, malformed bytes included', () => {
    for (const bytes of [Buffer.from(HOSTILE_TEXT, 'utf8'), HOSTILE_BYTES, Buffer.from('çğıöşü İ 🛒🇹🇷', 'utf8'), Buffer.from([0x61, 0xf0, 0x9f, 0x98]), Buffer.from([0xed, 0xa0, 0x80, 0xc0, 0xaf])]) {
      const fromBytes = new RowChecksum();
      fromBytes.addUtf8(bytes, 0, bytes.length);
      const fromText = new RowChecksum();
      fromText.add(bytes.toString('utf8'));
      expect(fromBytes.hex()).toBe(fromText.hex());
    }
  });
});
