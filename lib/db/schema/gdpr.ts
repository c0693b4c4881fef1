import { bigint, customType, datetime, index, int, json, mediumtext, mysqlEnum, mysqlTable, primaryKey, smallint, text, uniqueIndex, varchar } from 'drizzle-orm/mysql-core';
import { sql } from 'drizzle-orm';

export const GDPR_REQUEST_TYPES = ['access', 'erasure', 'rectification', 'consent_withdrawal'] as const;
export type GdprRequestType = (typeof GDPR_REQUEST_TYPES)[number];
export const GDPR_REQUEST_SOURCES = ['admin', 'public_page', 'opencart'] as const;
export type GdprRequestSource = (typeof GDPR_REQUEST_SOURCES)[number];
/** `unverified`: filed on the public page, link not clicked yet. Closed requests are `completed` or `rejected` (lib/monitoring reads these). */
export const GDPR_REQUEST_STATUSES = ['unverified', 'open', 'in_progress', 'completed', 'rejected'] as const;
export type GdprRequestStatus = (typeof GDPR_REQUEST_STATUSES)[number];
export const GDPR_IDENTITY_METHODS = ['email_link', 'account_login', 'id_document', 'phone_callback', 'in_person', 'opencart_link', 'other'] as const;
export type GdprIdentityMethod = (typeof GDPR_IDENTITY_METHODS)[number];
export const GDPR_LANGUAGES = ['en', 'tr'] as const;

/**
 * One data-subject request (GDPR art. 12-22, KVKK art. 11), from any source. `due_at` is one month
 * after receipt, extendable once by two months with a recorded reason (GDPR art. 12(3)). After an
 * erasure the email and name here are replaced by the pseudonym too; `subject_hash` (HMAC of the email)
 * still lets a later request from the same address be recognised without keeping it.
 */
export const gdprRequests = mysqlTable(
  'msc_gdpr_request',
  {
    id: bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey(),
    tenantId: bigint('tenant_id', { mode: 'number', unsigned: true }).notNull(),
    type: mysqlEnum('type', GDPR_REQUEST_TYPES).notNull(),
    source: mysqlEnum('source', GDPR_REQUEST_SOURCES).notNull(),
    status: mysqlEnum('status', GDPR_REQUEST_STATUSES).notNull().default('open'),
    email: varchar('email', { length: 96 }).notNull(),
    subjectHash: varchar('subject_hash', { length: 64 }).notNull(),
    requesterName: varchar('requester_name', { length: 128 }).notNull().default(''),
    customerId: int('customer_id'),
    orderId: int('order_id'),
    language: mysqlEnum('language', GDPR_LANGUAGES).notNull().default('en'),
    details: text('details'),
    identityMethod: mysqlEnum('identity_method', GDPR_IDENTITY_METHODS),
    identityNote: varchar('identity_note', { length: 255 }).notNull().default(''),
    identityVerifiedAt: datetime('identity_verified_at', { mode: 'date', fsp: 3 }),
    receivedAt: datetime('received_at', { mode: 'date', fsp: 3 }).notNull(),
    dueAt: datetime('due_at', { mode: 'date', fsp: 3 }).notNull(),
    extendedAt: datetime('extended_at', { mode: 'date', fsp: 3 }),
    extensionReason: varchar('extension_reason', { length: 500 }),
    closedAt: datetime('closed_at', { mode: 'date', fsp: 3 }),
    rejectionReason: varchar('rejection_reason', { length: 500 }),
    /** OpenCart 4's oc_gdpr row this request mirrors (kept in step both ways). */
    ocGdprId: int('oc_gdpr_id'),
    createdAt: datetime('created_at', { mode: 'date', fsp: 3 }).notNull().default(sql`CURRENT_TIMESTAMP(3)`),
    updatedAt: datetime('updated_at', { mode: 'date', fsp: 3 }).notNull().default(sql`CURRENT_TIMESTAMP(3)`),
  },
  (t) => [
    index('msc_gdpr_request_tenant_due_idx').on(t.tenantId, t.status, t.dueAt),
    index('msc_gdpr_request_subject_idx').on(t.tenantId, t.subjectHash),
    uniqueIndex('msc_gdpr_request_oc_gdpr_uq').on(t.tenantId, t.ocGdprId),
  ],
);

export type GdprRequest = typeof gdprRequests.$inferSelect;
export type NewGdprRequest = typeof gdprRequests.$inferInsert;

/** What happened to a request, in order: the request's own trail beside msc_audit_log. */
export const gdprRequestEvents = mysqlTable(
  'msc_gdpr_request_event',
  {
    id: bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey(),
    requestId: bigint('request_id', { mode: 'number', unsigned: true }).notNull(),
    tenantId: bigint('tenant_id', { mode: 'number', unsigned: true }).notNull(),
    action: varchar('action', { length: 48 }).notNull(),
    actor: varchar('actor', { length: 64 }).notNull(),
    note: varchar('note', { length: 500 }).notNull().default(''),
    createdAt: datetime('created_at', { mode: 'date', fsp: 3 }).notNull().default(sql`CURRENT_TIMESTAMP(3)`),
  },
  (t) => [index('msc_gdpr_request_event_request_idx').on(t.requestId, t.id)],
);

export type GdprRequestEvent = typeof gdprRequestEvents.$inferSelect;

export const GDPR_ERASURE_STATUSES = ['running', 'completed'] as const;

/**
 * The erasure plan of one request, written before the first step: who (customer and order ids found at
 * planning, since the account row is gone after its step), the pseudonym, and the steps in order.
 * OpenCart 3's tables are MyISAM, so there is no transaction: every step is idempotent and its marker row
 * (msc_gdpr_erasure_step) is written after it, so a resumed run skips done steps and repeats at most one.
 */
export const gdprErasures = mysqlTable('msc_gdpr_erasure', {
  requestId: bigint('request_id', { mode: 'number', unsigned: true }).primaryKey(),
  tenantId: bigint('tenant_id', { mode: 'number', unsigned: true }).notNull(),
  plan: json('plan').notNull(),
  status: mysqlEnum('status', GDPR_ERASURE_STATUSES).notNull().default('running'),
  startedAt: datetime('started_at', { mode: 'date', fsp: 3 }).notNull().default(sql`CURRENT_TIMESTAMP(3)`),
  finishedAt: datetime('finished_at', { mode: 'date', fsp: 3 }),
});

export const gdprErasureSteps = mysqlTable(
  'msc_gdpr_erasure_step',
  {
    requestId: bigint('request_id', { mode: 'number', unsigned: true }).notNull(),
    step: varchar('step', { length: 64 }).notNull(),
    /** Rows this step changed when it ran to the end (a repeated step after a crash may change fewer). */
    affected: int('affected').notNull(),
    doneAt: datetime('done_at', { mode: 'date', fsp: 3 }).notNull().default(sql`CURRENT_TIMESTAMP(3)`),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.step] })],
);

const longblob = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'longblob' });

/** An export ZIP, kept for 7 days for the admin to download, then deleted (its row stays, without the file). */
export const gdprExports = mysqlTable(
  'msc_gdpr_export',
  {
    id: bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey(),
    tenantId: bigint('tenant_id', { mode: 'number', unsigned: true }).notNull(),
    requestId: bigint('request_id', { mode: 'number', unsigned: true }).notNull(),
    file: longblob('file'),
    bytes: int('bytes').notNull(),
    tableCount: smallint('table_count').notNull(),
    rowCount: int('row_count').notNull(),
    createdBy: varchar('created_by', { length: 64 }).notNull(),
    createdAt: datetime('created_at', { mode: 'date', fsp: 3 }).notNull().default(sql`CURRENT_TIMESTAMP(3)`),
    expiresAt: datetime('expires_at', { mode: 'date', fsp: 3 }).notNull(),
    deletedAt: datetime('deleted_at', { mode: 'date', fsp: 3 }),
  },
  (t) => [index('msc_gdpr_export_request_idx').on(t.requestId), index('msc_gdpr_export_expires_idx').on(t.expiresAt)],
);

export const CONSENT_PURPOSES = ['marketing_email', 'sms', 'pricing_profiling'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
export const CONSENT_ACTIONS = ['granted', 'withdrawn'] as const;
export type ConsentAction = (typeof CONSENT_ACTIONS)[number];
export const CONSENT_LEGAL_BASES = ['consent', 'contract', 'legitimate_interest', 'legal_obligation'] as const;
export const CONSENT_SOURCES = ['admin', 'public_page', 'opencart_newsletter', 'import'] as const;

/**
 * The consent ledger: append-only (no code path updates or deletes a row, except an erasure replacing
 * the email with the pseudonym). The current state of a person and purpose is its newest row.
 */
export const gdprConsents = mysqlTable(
  'msc_gdpr_consent',
  {
    id: bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey(),
    tenantId: bigint('tenant_id', { mode: 'number', unsigned: true }).notNull(),
    email: varchar('email', { length: 96 }).notNull(),
    customerId: int('customer_id'),
    purpose: mysqlEnum('purpose', CONSENT_PURPOSES).notNull(),
    action: mysqlEnum('action', CONSENT_ACTIONS).notNull(),
    legalBasis: mysqlEnum('legal_basis', CONSENT_LEGAL_BASES).notNull(),
    source: mysqlEnum('source', CONSENT_SOURCES).notNull(),
    ip: varchar('ip', { length: 45 }).notNull().default(''),
    userAgent: varchar('user_agent', { length: 255 }).notNull().default(''),
    recordedAt: datetime('recorded_at', { mode: 'date', fsp: 3 }).notNull().default(sql`CURRENT_TIMESTAMP(3)`),
  },
  (t) => [index('msc_gdpr_consent_person_idx').on(t.tenantId, t.email, t.purpose, t.id)],
);

export type GdprConsent = typeof gdprConsents.$inferSelect;

/**
 * Mail the public page sends (the confirmation link). Always written here; sent through SMTP_URL when it
 * is set (`sent_at`), otherwise the public page lists the tenant's unsent rows so a demo can go on.
 */
export const gdprMailOutbox = mysqlTable(
  'msc_gdpr_mail_outbox',
  {
    id: bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey(),
    tenantId: bigint('tenant_id', { mode: 'number', unsigned: true }).notNull(),
    requestId: bigint('request_id', { mode: 'number', unsigned: true }).notNull(),
    toAddress: varchar('to_address', { length: 96 }).notNull(),
    subject: varchar('subject', { length: 255 }).notNull(),
    body: mediumtext('body').notNull(),
    createdAt: datetime('created_at', { mode: 'date', fsp: 3 }).notNull().default(sql`CURRENT_TIMESTAMP(3)`),
    sentAt: datetime('sent_at', { mode: 'date', fsp: 3 }),
    error: varchar('error', { length: 500 }),
  },
  (t) => [index('msc_gdpr_mail_outbox_tenant_idx').on(t.tenantId, t.id)],
);

/** Fixed-window counters for the public page (per IP and per email hash), so floods are refused across instances. */
export const gdprPublicRateLimits = mysqlTable(
  'msc_gdpr_public_rate',
  {
    tenantId: bigint('tenant_id', { mode: 'number', unsigned: true }).notNull(),
    bucket: varchar('bucket', { length: 80 }).notNull(),
    windowStart: datetime('window_start', { mode: 'date' }).notNull(),
    used: int('used').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.bucket, t.windowStart] })],
);

/** Per-tenant GDPR settings: retention per record type and the optional inactive-customer anonymisation. */
export const gdprSettings = mysqlTable('msc_gdpr_settings', {
  tenantId: bigint('tenant_id', { mode: 'number', unsigned: true }).primaryKey(),
  /** Orders and invoices younger than this are anonymised, older ones deleted (Turkish commercial code: 10 years). */
  orderRetentionYears: smallint('order_retention_years').notNull().default(10),
  /** Returns follow their orders' retention by default. */
  returnRetentionYears: smallint('return_retention_years').notNull().default(10),
  /** Customers with no login or order for this many months are anonymised by the retention job; null = off. */
  inactiveCustomerMonths: smallint('inactive_customer_months'),
  updatedAt: datetime('updated_at', { mode: 'date', fsp: 3 }).notNull().default(sql`CURRENT_TIMESTAMP(3)`),
});

export type GdprSettings = typeof gdprSettings.$inferSelect;
