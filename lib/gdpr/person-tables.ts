import { and, eq, getTableName, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { MySqlColumn, MySqlTable } from 'drizzle-orm/mysql-core';
import type { OpenCartTables } from '@/lib/db/opencart';
import { gdprConsents, gdprExports, gdprMailOutbox, gdprRequests, marketplaceOrders, webhookDeliveries, webhookEvents } from '@/lib/db/schema';
import type { OpenCartGdprTable } from './opencart-gdpr-table';
import { containsPattern, pseudonymEmail } from './subject';

/** What identifies one person in a shop: found from the request's email, customer id or order. */
export type PersonKeys = { emails: string[]; customerIds: number[]; orderIds: number[] };

/**
 * What an erasure does to a table's rows about the person: `delete` what may go; `anonymise` what tax and
 * accounting law keep (orders, returns) or what proves a past decision (consent, requests); `keep` rows
 * with nothing personal once their parents are anonymised (order lines and totals).
 */
export type ErasureAction = 'delete' | 'anonymise' | 'keep';

export type PersonTable = {
  /** Stable name used in plans, previews and the export (the table name without the shop's prefix). */
  key: string;
  table: MySqlTable;
  /** The shop's database (OpenCart) or the main one (companion tables). */
  database: 'shop' | 'main';
  /** The column whose values the erasure plan captures, so a resumed run needs no email to find the rows. */
  idColumn: MySqlColumn;
  where: (keys: PersonKeys) => SQL | undefined;
  erasure: ErasureAction;
  anonymise?: (pseudonym: string) => Record<string, unknown>;
  /** False for tables whose rows are not about the person but carry a copy of their data (earlier exports). */
  exported?: boolean;
};

function byIds(column: MySqlColumn, ids: number[]): SQL | undefined {
  return ids.length > 0 ? inArray(column, ids) : undefined;
}

/** Exact, case-insensitive email match (OpenCart 4's export matched by substring and leaked other people's orders). */
function byEmails(column: MySqlColumn, emails: string[]): SQL | undefined {
  return emails.length > 0 ? sql`LOWER(${column}) IN (${sql.join(emails.map((e) => sql`${e}`), sql`, `)})` : undefined;
}

function containingEmails(text: SQL, emails: string[]): SQL | undefined {
  return emails.length > 0 ? or(...emails.map((e) => sql`LOWER(${text}) LIKE ${containsPattern(e)}`)) : undefined;
}

function anyOf(...parts: Array<SQL | undefined>): SQL | undefined {
  const present = parts.filter((p): p is SQL => p !== undefined);
  return present.length === 0 ? undefined : or(...present);
}

function scoped(tenantColumn: MySqlColumn, tenantId: number, where: SQL | undefined): SQL | undefined {
  return where === undefined ? undefined : and(eq(tenantColumn, tenantId), where);
}

/** Every table that can hold something about a person, in erasure order (dependent rows before their parents). */
export function personTables(oc: OpenCartTables, tenantId: number, ocGdpr: OpenCartGdprTable | null): PersonTable[] {
  const byCustomer = (column: MySqlColumn) => (k: PersonKeys) => byIds(column, k.customerIds);
  const orderAnonymised = (p: string) => {
    const blankAddress = (side: 'payment' | 'shipping') => ({
      [`${side}Firstname`]: p,
      [`${side}Lastname`]: '',
      [`${side}Company`]: '',
      [`${side}Address1`]: '',
      [`${side}Address2`]: '',
      [`${side}City`]: '',
      [`${side}Postcode`]: '',
      [`${side}CustomField`]: '',
    });
    // Amounts, products, dates, country and zone (they decide the tax) stay; who and where does not.
    return {
      customerId: 0,
      firstname: p,
      lastname: '',
      email: pseudonymEmail(p),
      telephone: '',
      fax: '',
      customField: '',
      ...blankAddress('payment'),
      ...blankAddress('shipping'),
      comment: '',
      ip: '',
      forwardedIp: '',
      userAgent: '',
      acceptLanguage: '',
    };
  };
  const tables: PersonTable[] = [
    { key: 'customer_wishlist', table: oc.customerWishlist, database: 'shop', idColumn: oc.customerWishlist.customerId, where: byCustomer(oc.customerWishlist.customerId), erasure: 'delete' },
    { key: 'customer_ip', table: oc.customerIp, database: 'shop', idColumn: oc.customerIp.customerIpId, where: byCustomer(oc.customerIp.customerId), erasure: 'delete' },
    {
      key: 'customer_login',
      table: oc.customerLogin,
      database: 'shop',
      idColumn: oc.customerLogin.customerLoginId,
      where: (k) => byEmails(oc.customerLogin.email, k.emails),
      erasure: 'delete',
    },
    { key: 'customer_activity', table: oc.customerActivity, database: 'shop', idColumn: oc.customerActivity.customerActivityId, where: byCustomer(oc.customerActivity.customerId), erasure: 'delete' },
    { key: 'customer_search', table: oc.customerSearch, database: 'shop', idColumn: oc.customerSearch.customerSearchId, where: byCustomer(oc.customerSearch.customerId), erasure: 'delete' },
    { key: 'customer_online', table: oc.customerOnline, database: 'shop', idColumn: oc.customerOnline.customerId, where: byCustomer(oc.customerOnline.customerId), erasure: 'delete' },
    { key: 'customer_approval', table: oc.customerApproval, database: 'shop', idColumn: oc.customerApproval.customerApprovalId, where: byCustomer(oc.customerApproval.customerId), erasure: 'delete' },
    // Store credit and reward points of a closed account: OpenCart's own deleteCustomer removes them too.
    { key: 'customer_transaction', table: oc.customerTransaction, database: 'shop', idColumn: oc.customerTransaction.customerTransactionId, where: byCustomer(oc.customerTransaction.customerId), erasure: 'delete' },
    { key: 'customer_reward', table: oc.customerReward, database: 'shop', idColumn: oc.customerReward.customerRewardId, where: byCustomer(oc.customerReward.customerId), erasure: 'delete' },
    { key: 'address', table: oc.address, database: 'shop', idColumn: oc.address.addressId, where: byCustomer(oc.address.customerId), erasure: 'delete' },
    {
      key: 'review',
      table: oc.review,
      database: 'shop',
      idColumn: oc.review.reviewId,
      where: byCustomer(oc.review.customerId),
      erasure: 'anonymise',
      anonymise: (p) => ({ author: p, customerId: 0 }),
    },
    {
      key: 'return',
      table: oc.return,
      database: 'shop',
      idColumn: oc.return.returnId,
      where: (k) => anyOf(byIds(oc.return.customerId, k.customerIds), byEmails(oc.return.email, k.emails), byIds(oc.return.orderId, k.orderIds)),
      erasure: 'anonymise',
      anonymise: (p) => ({ customerId: 0, firstname: p, lastname: '', email: pseudonymEmail(p), telephone: '', comment: '' }),
    },
    { key: 'order_product', table: oc.orderProduct, database: 'shop', idColumn: oc.orderProduct.orderId, where: (k) => byIds(oc.orderProduct.orderId, k.orderIds), erasure: 'keep' },
    { key: 'order_option', table: oc.orderOption, database: 'shop', idColumn: oc.orderOption.orderId, where: (k) => byIds(oc.orderOption.orderId, k.orderIds), erasure: 'keep' },
    { key: 'order_total', table: oc.orderTotal, database: 'shop', idColumn: oc.orderTotal.orderId, where: (k) => byIds(oc.orderTotal.orderId, k.orderIds), erasure: 'keep' },
    { key: 'order_history', table: oc.orderHistory, database: 'shop', idColumn: oc.orderHistory.orderId, where: (k) => byIds(oc.orderHistory.orderId, k.orderIds), erasure: 'keep' },
    { key: 'order', table: oc.order, database: 'shop', idColumn: oc.order.orderId, where: (k) => byIds(oc.order.orderId, k.orderIds), erasure: 'anonymise', anonymise: orderAnonymised },
    // The account itself (with its newsletter flag) goes last among OpenCart's rows: it is what finds the rest.
    { key: 'customer', table: oc.customer, database: 'shop', idColumn: oc.customer.customerId, where: byCustomer(oc.customer.customerId), erasure: 'delete' },
  ];
  if (ocGdpr) {
    tables.push({
      key: 'gdpr',
      table: ocGdpr,
      database: 'shop',
      idColumn: ocGdpr.gdprId,
      where: (k) => byEmails(ocGdpr.email, k.emails),
      erasure: 'anonymise',
      anonymise: (p) => ({ email: pseudonymEmail(p) }),
    });
  }
  tables.push(
    {
      key: 'msc_marketplace_order',
      table: marketplaceOrders,
      database: 'main',
      idColumn: marketplaceOrders.id,
      where: (k) => scoped(marketplaceOrders.tenantId, tenantId, byIds(marketplaceOrders.ocOrderId as MySqlColumn, k.orderIds)),
      erasure: 'keep',
    },
    {
      key: 'msc_webhook_event',
      table: webhookEvents,
      database: 'main',
      idColumn: webhookEvents.id,
      where: (k) => scoped(webhookEvents.tenantId, tenantId, containingEmails(sql`CAST(${webhookEvents.payload} AS CHAR)`, k.emails)),
      erasure: 'anonymise',
      anonymise: (p) => ({ payload: { erased: p } }),
    },
    {
      key: 'msc_webhook_delivery',
      table: webhookDeliveries,
      database: 'main',
      idColumn: webhookDeliveries.id,
      where: (k) => scoped(webhookDeliveries.tenantId, tenantId, containingEmails(sql`${webhookDeliveries.rawBody}`, k.emails)),
      erasure: 'anonymise',
      anonymise: (p) => ({ rawBody: JSON.stringify({ erased: p }) }),
    },
    {
      key: 'msc_gdpr_consent',
      table: gdprConsents,
      database: 'main',
      idColumn: gdprConsents.id,
      where: (k) => scoped(gdprConsents.tenantId, tenantId, anyOf(byEmails(gdprConsents.email, k.emails), byIds(gdprConsents.customerId as MySqlColumn, k.customerIds))),
      erasure: 'anonymise',
      anonymise: (p) => ({ email: pseudonymEmail(p), customerId: null, ip: '', userAgent: '' }),
    },
    {
      key: 'msc_gdpr_mail_outbox',
      table: gdprMailOutbox,
      database: 'main',
      idColumn: gdprMailOutbox.id,
      where: (k) => scoped(gdprMailOutbox.tenantId, tenantId, byEmails(gdprMailOutbox.toAddress, k.emails)),
      erasure: 'anonymise',
      anonymise: (p) => ({ toAddress: pseudonymEmail(p), body: '' }),
    },
    // Earlier exports hold a copy of everything: their files go with the person.
    {
      key: 'msc_gdpr_export',
      table: gdprExports,
      database: 'main',
      idColumn: gdprExports.id,
      where: (k) =>
        k.emails.length === 0
          ? undefined
          : and(
              eq(gdprExports.tenantId, tenantId),
              sql`${gdprExports.requestId} IN (SELECT ${gdprRequests.id} FROM ${gdprRequests} WHERE ${gdprRequests.tenantId} = ${tenantId} AND ${byEmails(gdprRequests.email, k.emails)})`,
            ),
      erasure: 'anonymise',
      anonymise: () => ({ file: null, deletedAt: sql`COALESCE(${gdprExports.deletedAt}, UTC_TIMESTAMP(3))` }),
      exported: false,
    },
    // The requests themselves come last: until then they still say whose data this is.
    {
      key: 'msc_gdpr_request',
      table: gdprRequests,
      database: 'main',
      idColumn: gdprRequests.id,
      where: (k) => scoped(gdprRequests.tenantId, tenantId, byEmails(gdprRequests.email, k.emails)),
      erasure: 'anonymise',
      anonymise: (p) => ({ email: pseudonymEmail(p), requesterName: p, details: null, identityNote: '', customerId: null, orderId: null }),
    },
  );
  return tables;
}

/** The table's real name (with the shop's prefix), for the preview and the export's file names. */
export function realTableName(t: PersonTable): string {
  return getTableName(t.table);
}
