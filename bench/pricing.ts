/**
 * How long the pricing-suggestions pass takes on a large catalogue, and whether its memory stays flat.
 *   node --expose-gc --import tsx bench/pricing.ts [--products 50000] [--weeks 104] [--keep]
 * Builds a scratch database (OpenCart 3.0.4.1's install SQL from ../shared/opencart, the companion
 * migrations), writes the history on the server side (MariaDB's sequence tables), runs one pass of the
 * job's body over every product, prints the figures, and drops the database unless --keep.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { closeAllPools, getDb, type Db } from '@/lib/db/pool';
import { dropDatabase, ensureDatabase, ensureServer, withDatabase } from '@/lib/db/server';
import { loadInstallSql } from '@/lib/db/opencart/install-sql';
import { ensureDefaultTenant, migrateCompanion } from '@/lib/db/migrate';
import { computeSuggestions } from '@/lib/pricing/compute-suggestions';
import { salesWindow } from '@/lib/pricing/sales-window';
import { tenantDb } from '@/lib/tenants/tenant-db';

const argsSchema = z.object({
  products: z.coerce.number().int().min(1).max(1_000_000).default(50_000),
  weeks: z.coerce.number().int().min(8).max(260).default(104),
  keep: z.boolean().default(false),
});
const SERVER_URL = process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/';
const INSTALL_SQL = path.resolve('..', 'shared', 'opencart', 'opencart-3.0.4.1.sql');
const FIRST_PRODUCT_ID = 1_000;
/** Orders per week; each holds the lines of the products whose id falls in its bucket. */
const ORDER_BUCKETS = 5_000;
const SAMPLE_EVERY_MS = 200;
const MiB = 2 ** 20;

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  console.log(`  ${label}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

/** Every column of a table but the given ones, for copying a template row. */
async function columnsExcept(db: Db, table: string, except: string[]): Promise<string[]> {
  const [rows] = (await db.execute(
    sql`SELECT column_name AS c FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = ${table} ORDER BY ordinal_position`,
  )) as unknown as [Array<{ c: string }>];
  return rows.map((r) => r.c).filter((c) => !except.includes(c));
}

async function writeHistory(db: Db, products: number, weeks: number, firstMonday: string) {
  const last = products - 1;
  await timed(`${products} products`, async () => {
    await db.execute(sql.raw(`
      INSERT INTO oc_product (product_id, model, sku, upc, ean, jan, isbn, mpn, location, quantity, stock_status_id, manufacturer_id,
        price, tax_class_id, status, date_added, date_modified)
      SELECT ${FIRST_PRODUCT_ID} + seq, CONCAT('M', seq), CONCAT('SKU', seq), '', '', '', '', '', '', 100, 7, 0,
        20 + (seq % 500), 0, 1, NOW(), NOW()
      FROM seq_0_to_${last}`));
    await db.execute(sql.raw(`INSERT INTO oc_product_to_store (product_id, store_id) SELECT ${FIRST_PRODUCT_ID} + seq, 0 FROM seq_0_to_${last}`));
    await db.execute(sql.raw(`INSERT INTO oc_product_to_category (product_id, category_id) SELECT ${FIRST_PRODUCT_ID} + seq, 100 + (seq % 40) FROM seq_0_to_${last}`));
  });

  // One template order copied for every (week, bucket); only the id, status, date and total differ.
  await db.execute(sql.raw(`
    INSERT INTO oc_order (invoice_no, invoice_prefix, store_id, store_name, store_url, customer_id, customer_group_id, firstname, lastname,
      email, telephone, fax, custom_field, payment_firstname, payment_lastname, payment_company, payment_address_1, payment_address_2,
      payment_city, payment_postcode, payment_country, payment_country_id, payment_zone, payment_zone_id, payment_address_format,
      payment_custom_field, payment_method, payment_code, shipping_firstname, shipping_lastname, shipping_company, shipping_address_1,
      shipping_address_2, shipping_city, shipping_postcode, shipping_country, shipping_country_id, shipping_zone, shipping_zone_id,
      shipping_address_format, shipping_custom_field, shipping_method, shipping_code, comment, total, order_status_id, affiliate_id,
      commission, marketing_id, tracking, language_id, currency_id, currency_code, currency_value, ip, forwarded_ip, user_agent,
      accept_language, date_added, date_modified)
    VALUES (0, 'INV', 0, 'Bench', 'http://localhost/', 0, 1, 'Ada', 'Bench', 'a@example.com', '0', '', '[]', 'Ada', 'Bench', '', 'x', '',
      'x', 'x', 'x', 222, 'x', 0, '', '[]', 'cod', 'cod', 'Ada', 'Bench', '', 'x', '', 'x', 'x', 'x', 222, 'x', 0, '', '[]', 'flat', 'flat.flat',
      '', 0, 5, 0, 0, 0, '', 1, 2, 'USD', 1, '127.0.0.1', '', 'bench', 'en', NOW(), NOW())`));
  const [[template]] = (await db.execute(sql.raw('SELECT MAX(order_id) AS id FROM oc_order'))) as unknown as [[{ id: number }]];
  const copied = await columnsExcept(db, 'oc_order', ['order_id', 'order_status_id', 'date_added', 'date_modified', 'total']);
  const orders = weeks * ORDER_BUCKETS;
  await timed(`${orders} orders`, () =>
    db.execute(sql.raw(`
      INSERT INTO oc_order (order_id, ${copied.join(', ')}, order_status_id, date_added, date_modified, total)
      SELECT ${template.id} + 1 + s.seq, ${copied.map((c) => `t.${c}`).join(', ')},
        IF(s.seq % 20 = 0, 7, 5),
        DATE_ADD('${firstMonday}', INTERVAL (s.seq DIV ${ORDER_BUCKETS}) * 7 + (s.seq % 7) DAY) + INTERVAL (s.seq % 13) + 8 HOUR,
        DATE_ADD('${firstMonday}', INTERVAL (s.seq DIV ${ORDER_BUCKETS}) * 7 + (s.seq % 7) DAY) + INTERVAL (s.seq % 13) + 8 HOUR,
        0
      FROM seq_0_to_${orders - 1} s JOIN oc_order t ON t.order_id = ${template.id}`)),
  );
  // Units: level × yearly season × (price / base)^−elasticity, rounded at random; prices move every 13 weeks.
  await timed('order lines', () =>
    db.execute(sql.raw(`
      INSERT INTO oc_order_product (order_id, product_id, name, model, quantity, price, total, tax, reward)
      SELECT ${template.id} + 1 + x.w * ${ORDER_BUCKETS} + (x.p % ${ORDER_BUCKETS}), ${FIRST_PRODUCT_ID} + x.p, 'Bench product', CONCAT('M', x.p),
        x.units, x.price, x.units * x.price, 0, 0
      FROM (
        SELECT z.p, z.w, z.price,
          FLOOR((0.1 + (CRC32(CONCAT('l', z.p)) % 1000) / 250)
            * (1 + 0.3 * COS(2 * PI() * (CAST(z.w % 52 AS SIGNED) - 47) / 52))
            * POW(z.price / (20 + (z.p % 500)), -(1.2 + (z.p % 7) * 0.2))
            + (CRC32(CONCAT(z.p, 'u', z.w)) % 1000) / 1000) AS units
        FROM (
          SELECT p.seq AS p, w.seq AS w,
            ROUND((20 + (p.seq % 500)) * (0.85 + 0.3 * (CRC32(CONCAT(p.seq, 'b', w.seq DIV 13)) % 1000) / 1000), 2) AS price
          FROM seq_0_to_${last} p JOIN seq_0_to_${weeks - 1} w
        ) z
      ) x
      WHERE x.units > 0`)),
  );
  await db.execute(sql.raw(`
    INSERT INTO msc_product_cost (tenant_id, oc_product_id, cost)
    SELECT 1, ${FIRST_PRODUCT_ID} + seq, ROUND((20 + (seq % 500)) * 0.55, 2) FROM seq_0_to_${last} WHERE seq % 5 <> 0`));
  await db.execute(sql.raw(`
    INSERT INTO msc_competitor_price (tenant_id, account_id, event_id, marketplace_sku, oc_product_id, seller, price, currency, is_buy_box_winner, observed_at)
    SELECT 1, 1, seq, CONCAT('SKU', seq), ${FIRST_PRODUCT_ID} + seq, 'Rakip', ROUND((20 + (seq % 500)) * 0.97, 2), 'USD', 1, NOW() - INTERVAL 1 DAY
    FROM seq_0_to_${last} WHERE seq % 4 = 0`));
  await db.execute(sql.raw(`INSERT INTO msc_pricing_rule (tenant_id, scope, scope_id, margin_floor_pct, max_step_pct, rounding) VALUES (1, 'shop', 0, 10, 10, '0.99')`));
  const [[counts]] = (await db.execute(
    sql.raw('SELECT (SELECT COUNT(*) FROM oc_order) AS orders, (SELECT COUNT(*) FROM oc_order_product) AS orderLines'),
  )) as unknown as [[{ orders: number; orderLines: number }]];
  console.log(`  history: ${counts.orders} orders, ${counts.orderLines} order lines`);
}

async function main() {
  const args = argsSchema.parse(parseArgs({ options: { products: { type: 'string' }, weeks: { type: 'string' }, keep: { type: 'boolean' } } }).values);
  const url = withDatabase(SERVER_URL, `mscbench_pricing_${Date.now().toString(36)}`);
  let sampler: NodeJS.Timeout | undefined;
  await ensureServer(url);
  await ensureDatabase(url);
  try {
    console.log(`setting up ${args.products} products × ${args.weeks} weeks`);
    await timed('OpenCart install SQL and migrations', async () => {
      await loadInstallSql(url, INSTALL_SQL, 'oc_');
      await migrateCompanion(url);
    });
    const db = getDb(url);
    const tenant = await ensureDefaultTenant(db, 'oc_');
    const now = new Date();
    const window = salesWindow(now.toISOString().slice(0, 19).replace('T', ' '), args.weeks);
    await writeHistory(db, args.products, args.weeks, window.start);

    const shop = tenantDb({ id: tenant.id, slug: tenant.slug, name: tenant.name, prefix: 'oc_', storeId: 0 }, url);
    global.gc?.();
    const rssStart = process.memoryUsage().rss;
    let peakRss = rssStart;
    sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), SAMPLE_EVERY_MS);
    const chunkRss: number[] = [];
    /** Live heap after a full collection every 10 chunks (with node --expose-gc): what a leak would grow. */
    const liveHeap: number[] = [];
    let firstChunkS = 0;
    const started = performance.now();
    const result = await computeSuggestions(db, shop, {
      now,
      onChunk: ({ products }) => {
        if (chunkRss.length === 0) firstChunkS = (performance.now() - started) / 1000;
        chunkRss.push(process.memoryUsage().rss);
        if (global.gc && chunkRss.length % 10 === 0) {
          global.gc();
          liveHeap.push(process.memoryUsage().heapUsed);
        }
        if (products % 10_000 === 0) console.log(`  … ${products} products, RSS ${(process.memoryUsage().rss / MiB).toFixed(0)} MiB`);
      },
    });
    const seconds = (performance.now() - started) / 1000;
    peakRss = Math.max(peakRss, ...chunkRss);
    const cpu = process.cpuUsage();
    const tenth = Math.max(1, Math.floor(chunkRss.length / 10));
    const early = Math.max(...chunkRss.slice(0, tenth));
    const late = Math.max(...chunkRss.slice(-tenth));
    console.log(`pass: ${result.products} products, ${result.open} open suggestions, done=${result.done}`);
    console.log(`time ${seconds.toFixed(1)} s (first chunk after ${firstChunkS.toFixed(1)} s), ${Math.round(result.products / seconds)} products/s`);
    console.log(`process CPU (whole run, setup included) user ${(cpu.user / 1e6).toFixed(1)} s, system ${(cpu.system / 1e6).toFixed(1)} s`);
    console.log(
      `RSS: before ${(rssStart / MiB).toFixed(0)} MiB, peak ${(peakRss / MiB).toFixed(0)} MiB; max over the first tenth of chunks ${(early / MiB).toFixed(0)} MiB, over the last tenth ${(late / MiB).toFixed(0)} MiB`,
    );
    if (liveHeap.length > 0) console.log(`live heap after GC, every 10 chunks: ${liveHeap.map((h) => (h / MiB).toFixed(0)).join(', ')} MiB`);
  } finally {
    clearInterval(sampler);
    await closeAllPools();
    if (!args.keep) await dropDatabase(url);
    else console.log(`kept ${url}`);
  }
}

main().catch((err: Error) => {
  console.error(`bench failed: ${err.message}`, (err as { cause?: unknown }).cause ?? "");
  process.exitCode = 1;
});
