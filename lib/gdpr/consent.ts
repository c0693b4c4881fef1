import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import type { DbOrTx } from '@/lib/db/pool';
import { CONSENT_ACTIONS, CONSENT_LEGAL_BASES, CONSENT_PURPOSES, CONSENT_SOURCES, gdprConsents, type ConsentPurpose, type GdprConsent } from '@/lib/db/schema';
import { writeAudit } from '@/lib/audit/write-audit';
import type { GdprWriteContext } from './request-context';
import { normaliseEmail, subjectEmailSchema } from './subject';

export const CONSENTS_PER_PAGE = 50;

export const consentInputSchema = z.object({
  email: subjectEmailSchema,
  customerId: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.coerce.number().int().positive().optional()),
  purpose: z.enum(CONSENT_PURPOSES),
  action: z.enum(CONSENT_ACTIONS),
  legalBasis: z.enum(CONSENT_LEGAL_BASES),
  source: z.enum(CONSENT_SOURCES),
});
export type ConsentInput = z.output<typeof consentInputSchema>;

/**
 * Appends one decision to the ledger. Nothing ever updates or deletes a ledger row (an erasure only
 * replaces the email with the pseudonym): the history is the proof of what the person agreed to, and when.
 */
export async function recordConsent(db: DbOrTx, tenantId: number, input: ConsentInput, ctx: GdprWriteContext & { request: { ip: string; userAgent: string } }, now = new Date()) {
  const [row] = await db
    .insert(gdprConsents)
    .values({
      tenantId,
      email: normaliseEmail(input.email),
      customerId: input.customerId ?? null,
      purpose: input.purpose,
      action: input.action,
      legalBasis: input.legalBasis,
      source: input.source,
      ip: ctx.request.ip.slice(0, 45),
      userAgent: ctx.request.userAgent.slice(0, 255),
      recordedAt: now,
    })
    .$returningId();
  await writeAudit(db, {
    action: `gdpr.consent.${input.action}`,
    actor: ctx.actor,
    tenantId,
    target: { type: 'gdpr_consent', id: row!.id },
    after: { purpose: input.purpose, legalBasis: input.legalBasis, source: input.source },
    request: ctx.request,
  });
  return row!.id;
}

export type ConsentState = { purpose: ConsentPurpose; action: 'granted' | 'withdrawn' | null; at: Date | null; source: string | null };

/** The person's current state per purpose: the newest ledger row, or nothing recorded. */
export async function currentConsents(db: DbOrTx, tenantId: number, email: string): Promise<ConsentState[]> {
  const rows = await db
    .select()
    .from(gdprConsents)
    .where(and(eq(gdprConsents.tenantId, tenantId), eq(gdprConsents.email, normaliseEmail(email))))
    .orderBy(desc(gdprConsents.recordedAt), desc(gdprConsents.id));
  return CONSENT_PURPOSES.map((purpose) => {
    const newest = rows.find((r) => r.purpose === purpose);
    return { purpose, action: newest?.action ?? null, at: newest?.recordedAt ?? null, source: newest?.source ?? null };
  });
}

export const consentLedgerQuerySchema = z.object({
  email: z.string().trim().toLowerCase().max(96).optional().catch(undefined).transform((v) => v || undefined),
  page: z.coerce.number().int().min(1).catch(1),
});

function ledgerWhere(tenantId: number, email: string | undefined): SQL {
  return email ? and(eq(gdprConsents.tenantId, tenantId), eq(gdprConsents.email, normaliseEmail(email)))! : eq(gdprConsents.tenantId, tenantId);
}

export async function listConsentLedger(db: DbOrTx, tenantId: number, query: z.output<typeof consentLedgerQuerySchema>) {
  const where = ledgerWhere(tenantId, query.email);
  const [rows, [total]] = await Promise.all([
    db.select().from(gdprConsents).where(where).orderBy(desc(gdprConsents.recordedAt), desc(gdprConsents.id)).limit(CONSENTS_PER_PAGE).offset((query.page - 1) * CONSENTS_PER_PAGE),
    db.select({ n: count() }).from(gdprConsents).where(where),
  ]);
  const n = Number(total?.n ?? 0);
  return { rows, total: n, page: query.page, pageCount: Math.max(1, Math.ceil(n / CONSENTS_PER_PAGE)) };
}

const CSV_COLUMNS = ['id', 'recorded_at', 'email', 'customer_id', 'purpose', 'action', 'legal_basis', 'source', 'ip', 'user_agent'] as const;

function csvRow(r: GdprConsent) {
  return [r.id, r.recordedAt.toISOString(), r.email, r.customerId ?? '', r.purpose, r.action, r.legalBasis, r.source, r.ip, r.userAgent];
}

/** The ledger (of one person, or the whole shop) as CSV, oldest first, as an auditor reads it. */
export async function consentLedgerCsv(db: DbOrTx, tenantId: number, email: string | undefined): Promise<string> {
  const rows = await db.select().from(gdprConsents).where(ledgerWhere(tenantId, email)).orderBy(asc(gdprConsents.recordedAt), asc(gdprConsents.id));
  return stringify([CSV_COLUMNS as unknown as string[], ...rows.map(csvRow)]);
}

/** How many people have each purpose granted right now (newest row per person and purpose). */
export async function consentTotals(db: DbOrTx, tenantId: number) {
  const rows = await db.execute(sql`
    SELECT c.purpose, c.action, COUNT(*) AS n FROM ${gdprConsents} c
    JOIN (SELECT email, purpose, MAX(id) AS id FROM ${gdprConsents} WHERE tenant_id = ${tenantId} GROUP BY email, purpose) newest ON newest.id = c.id
    GROUP BY c.purpose, c.action`);
  return z.array(z.object({ purpose: z.enum(CONSENT_PURPOSES), action: z.enum(CONSENT_ACTIONS), n: z.coerce.number() })).parse((rows as unknown as [unknown])[0]);
}
