import { eq, gt, and, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { MySqlColumn } from 'drizzle-orm/mysql-core';
import type { DbOrTx } from '@/lib/db/pool';
import type { TenantDb } from '@/lib/tenants/tenant-db';
import { openCartGdprTable } from './opencart-gdpr-table';
import { readShopSchema } from './shop-schema';
import { z } from 'zod';
import { selectRows } from '@/lib/orders/raw-sql';
import { personTables, realTableName, type ErasureAction, type PersonKeys, type PersonTable } from './person-tables';
import { normaliseEmail } from './subject';

export type PersonLookup = { email?: string | null; customerId?: number | null; orderId?: number | null };

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

function emailIn(column: MySqlColumn, emails: string[]): SQL | undefined {
  return emails.length > 0 ? sql`LOWER(${column}) IN (${sql.join(emails.map((e) => sql`${e}`), sql`, `)})` : undefined;
}

function idIn(column: MySqlColumn, ids: number[]): SQL | undefined {
  return ids.length > 0 ? inArray(column, ids) : undefined;
}

/**
 * Who the request is about: the accounts with the email (or the given customer id, or the given order's
 * customer), the emails those accounts and that order carry, and every order placed by the accounts or,
 * as a guest, with one of those emails. Matching is exact (case-insensitive), never by name or address,
 * so a namesake or a neighbour is never included.
 */
export async function findPersonKeys(shop: TenantDb, lookup: PersonLookup): Promise<PersonKeys> {
  const { db, oc } = shop;
  const emails = lookup.email ? [normaliseEmail(lookup.email)] : [];
  const customerIds: number[] = lookup.customerId ? [lookup.customerId] : [];
  if (lookup.orderId) {
    const [order] = await db.select({ email: oc.order.email, customerId: oc.order.customerId }).from(oc.order).where(eq(oc.order.orderId, lookup.orderId));
    if (order) {
      if (order.email) emails.push(normaliseEmail(order.email));
      if (order.customerId > 0) customerIds.push(order.customerId);
    }
  }
  const customerWhere = [emailIn(oc.customer.email, unique(emails)), idIn(oc.customer.customerId, unique(customerIds))].filter((w) => w !== undefined);
  if (customerWhere.length > 0) {
    const customers = await db.select({ customerId: oc.customer.customerId, email: oc.customer.email }).from(oc.customer).where(or(...customerWhere));
    for (const c of customers) {
      customerIds.push(c.customerId);
      if (c.email) emails.push(normaliseEmail(c.email));
    }
  }
  const keys: PersonKeys = { emails: unique(emails), customerIds: unique(customerIds).sort((a, b) => a - b), orderIds: [] };
  const orderWhere = [idIn(oc.order.customerId, keys.customerIds.filter((id) => id > 0)), emailIn(oc.order.email, keys.emails)].filter((w) => w !== undefined);
  if (orderWhere.length > 0) {
    const orders = await db.select({ orderId: oc.order.orderId }).from(oc.order).where(or(...orderWhere));
    keys.orderIds = unique(orders.map((o) => o.orderId)).sort((a, b) => a - b);
  }
  return keys;
}

/** Binary columns (none about a person, but the driver returns Buffers) as base64, so the JSON stays readable. */
function exportable(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Buffer.isBuffer(v) ? v.toString('base64') : v]));
}

export type PersonTableRows = {
  key: string;
  table: string;
  erasure: ErasureAction;
  rows: Array<Record<string, unknown>>;
};

function handleFor(shop: TenantDb, mainDb: DbOrTx, t: PersonTable): DbOrTx {
  return t.database === 'shop' ? shop.db : mainDb;
}

/**
 * The tables that can hold something about a person in this shop: OpenCart's only where the shop's
 * database has them (oc_gdpr only on OpenCart 4), so one list serves 3.0 and 4.0.
 */
export async function personTablesFor(shop: TenantDb): Promise<PersonTable[]> {
  const schema = await readShopSchema(shop.db);
  const ocGdpr = schema.has(`${shop.tenant.prefix}gdpr`) ? openCartGdprTable(shop.tenant.prefix) : null;
  return personTables(shop.oc, shop.tenant.id, ocGdpr).filter((t) => t.database === 'main' || schema.has(realTableName(t)));
}

/** Every row about the person, per table, with the database's column names: what an export contains. */
export async function collectPersonRows(shop: TenantDb, mainDb: DbOrTx, keys: PersonKeys): Promise<PersonTableRows[]> {
  const out: PersonTableRows[] = [];
  for (const t of await personTablesFor(shop)) {
    if (t.exported === false) continue;
    const where = t.where(keys);
    // SELECT *: every column the shop's table has (3.0 and 4.0 differ), under the database's own names.
    const rows = where ? await selectRows(handleFor(shop, mainDb, t), sql`SELECT * FROM ${t.table} WHERE ${where}`, z.record(z.string(), z.unknown())) : [];
    out.push({ key: t.key, table: realTableName(t), erasure: t.erasure, rows: rows.map(exportable) });
  }
  return out;
}

export type PersonPreview = {
  keys: PersonKeys;
  tables: Array<{ key: string; table: string; erasure: ErasureAction; rows: number }>;
  /** The account's newsletter flag (oc_customer.newsletter), when there is an account. */
  newsletter: boolean | null;
};

/** The preview the page shows before anything is done: every table and how many rows it holds about the person. */
export async function previewPerson(shop: TenantDb, mainDb: DbOrTx, lookup: PersonLookup): Promise<PersonPreview> {
  const keys = await findPersonKeys(shop, lookup);
  const tables: PersonPreview['tables'] = [];
  for (const t of await personTablesFor(shop)) {
    const where = t.where(keys);
    const [row] = where ? await handleFor(shop, mainDb, t).select({ n: sql<number>`COUNT(*)` }).from(t.table).where(where) : [{ n: 0 }];
    tables.push({ key: t.key, table: realTableName(t), erasure: t.erasure, rows: Number(row?.n ?? 0) });
  }
  const [account] = keys.customerIds.length
    ? await shop.db.select({ newsletter: shop.oc.customer.newsletter }).from(shop.oc.customer).where(and(inArray(shop.oc.customer.customerId, keys.customerIds), gt(shop.oc.customer.newsletter, 0)))
    : [];
  return { keys, tables, newsletter: keys.customerIds.length ? account !== undefined : null };
}
