import { and, asc, count, desc, eq, inArray, isNull, like, notInArray, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, DbOrTx } from '@/lib/db/pool';
import {
  GDPR_IDENTITY_METHODS,
  GDPR_LANGUAGES,
  GDPR_REQUEST_SOURCES,
  GDPR_REQUEST_TYPES,
  gdprRequestEvents,
  gdprRequests,
  type GdprRequest,
  type GdprRequestSource,
  type GdprRequestStatus,
} from '@/lib/db/schema';
import { ServiceError } from '@/lib/errors/service-error';
import { addMonths, dueDateFor, EXTENSION_MONTHS } from './deadlines';
import { recordRequestEvent, type GdprWriteContext } from './request-context';
import { containsPattern, normaliseEmail, subjectEmailSchema, subjectHash } from './subject';

export const CLOSED_STATUSES = ['completed', 'rejected'] as const satisfies readonly GdprRequestStatus[];
export const REQUESTS_PER_PAGE = 25;

const optionalId = z.preprocess((v) => (v === '' || v === null ? undefined : v), z.coerce.number().int().positive().optional());

/** An admin files a request received by mail, phone or in person. */
export const adminRequestInputSchema = z.object({
  type: z.enum(GDPR_REQUEST_TYPES),
  email: subjectEmailSchema,
  requesterName: z.string().trim().max(128).default(''),
  customerId: optionalId,
  orderId: optionalId,
  language: z.enum(GDPR_LANGUAGES).default('en'),
  details: z.string().trim().max(2000).default(''),
  identityMethod: z.enum(GDPR_IDENTITY_METHODS),
  identityNote: z.string().trim().max(255).default(''),
  receivedOn: z.iso.date().optional(),
});
export type AdminRequestInput = z.output<typeof adminRequestInputSchema>;

export type NewRequestInput = {
  tenantId: number;
  type: GdprRequest['type'];
  source: GdprRequestSource;
  email: string;
  requesterName?: string;
  customerId?: number | null;
  orderId?: number | null;
  language: GdprRequest['language'];
  details?: string;
  identityMethod?: GdprRequest['identityMethod'];
  identityNote?: string;
  receivedAt: Date;
  ocGdprId?: number | null;
};

/** Files a request; one filed with a verified identity starts `open`, one from the public page `unverified`. */
export async function createRequest(db: DbOrTx, input: NewRequestInput, ctx: GdprWriteContext): Promise<number> {
  const verified = input.identityMethod != null;
  const email = normaliseEmail(input.email);
  const [row] = await db
    .insert(gdprRequests)
    .values({
      tenantId: input.tenantId,
      type: input.type,
      source: input.source,
      status: verified ? 'open' : 'unverified',
      email,
      subjectHash: subjectHash(input.tenantId, email),
      requesterName: input.requesterName ?? '',
      customerId: input.customerId ?? null,
      orderId: input.orderId ?? null,
      language: input.language,
      details: input.details || null,
      identityMethod: input.identityMethod ?? null,
      identityNote: input.identityNote ?? '',
      identityVerifiedAt: verified ? input.receivedAt : null,
      receivedAt: input.receivedAt,
      dueAt: dueDateFor(input.receivedAt),
      ocGdprId: input.ocGdprId ?? null,
    })
    .$returningId();
  const id = row!.id;
  await recordRequestEvent(db, { tenantId: input.tenantId, requestId: id, action: 'received', after: { type: input.type, source: input.source } }, ctx);
  return id;
}

export async function createAdminRequest(db: Db, tenantId: number, input: AdminRequestInput, ctx: GdprWriteContext, now = new Date()) {
  const receivedAt = input.receivedOn ? new Date(`${input.receivedOn}T12:00:00Z`) : now;
  if (receivedAt.getTime() > now.getTime() + 86_400_000) throw new ServiceError('BAD_REQUEST', 'A request cannot be received in the future');
  return createRequest(db, { ...input, tenantId, source: 'admin', receivedAt }, ctx);
}

/** The request, or NOT_FOUND when it belongs to another tenant or does not exist. */
export async function getRequest(db: DbOrTx, tenantId: number, id: number): Promise<GdprRequest> {
  const [row] = await db.select().from(gdprRequests).where(and(eq(gdprRequests.id, id), eq(gdprRequests.tenantId, tenantId)));
  if (!row) throw new ServiceError('NOT_FOUND', `GDPR request ${id} not found for tenant ${tenantId}`);
  return row;
}

export async function listRequestEvents(db: DbOrTx, tenantId: number, requestId: number) {
  return db
    .select()
    .from(gdprRequestEvents)
    .where(and(eq(gdprRequestEvents.tenantId, tenantId), eq(gdprRequestEvents.requestId, requestId)))
    .orderBy(asc(gdprRequestEvents.id));
}

export const requestListQuerySchema = z.object({
  state: z.enum(['open', 'closed', 'all']).catch('open'),
  type: z.enum(GDPR_REQUEST_TYPES).optional().catch(undefined),
  source: z.enum(GDPR_REQUEST_SOURCES).optional().catch(undefined),
  q: z.string().trim().max(96).optional().catch(undefined).transform((v) => v || undefined),
  page: z.coerce.number().int().min(1).catch(1),
});
export type RequestListQuery = z.output<typeof requestListQuerySchema>;

/** Open requests soonest-due first (what must be answered next); closed ones newest-closed first. */
export async function listRequests(db: DbOrTx, tenantId: number, query: RequestListQuery) {
  const filters: SQL[] = [eq(gdprRequests.tenantId, tenantId)];
  if (query.state === 'open') filters.push(notInArray(gdprRequests.status, [...CLOSED_STATUSES]));
  if (query.state === 'closed') filters.push(inArray(gdprRequests.status, [...CLOSED_STATUSES]));
  if (query.type) filters.push(eq(gdprRequests.type, query.type));
  if (query.source) filters.push(eq(gdprRequests.source, query.source));
  if (query.q) {
    const asId = /^\d+$/.test(query.q) ? eq(gdprRequests.id, Number(query.q)) : undefined;
    filters.push(or(like(gdprRequests.email, containsPattern(query.q.toLowerCase())), asId)!);
  }
  const where = and(...filters);
  const order = query.state === 'closed' ? [desc(gdprRequests.closedAt), desc(gdprRequests.id)] : [asc(gdprRequests.dueAt), asc(gdprRequests.id)];
  const [rows, [total]] = await Promise.all([
    db.select().from(gdprRequests).where(where).orderBy(...order).limit(REQUESTS_PER_PAGE).offset((query.page - 1) * REQUESTS_PER_PAGE),
    db.select({ n: count() }).from(gdprRequests).where(where),
  ]);
  const n = Number(total?.n ?? 0);
  return { rows, total: n, page: query.page, pageCount: Math.max(1, Math.ceil(n / REQUESTS_PER_PAGE)) };
}

export function assertOpen(request: GdprRequest) {
  if ((CLOSED_STATUSES as readonly string[]).includes(request.status)) throw new ServiceError('CONFLICT', `Request ${request.id} is already ${request.status}`);
}

export const extendRequestSchema = z.object({ id: z.coerce.number().int().positive(), reason: z.string().trim().min(10).max(500) });

/** Moves the due date two months on, once, with the reason kept on the request. */
export async function extendRequest(db: Db, tenantId: number, input: z.output<typeof extendRequestSchema>, ctx: GdprWriteContext) {
  const request = await getRequest(db, tenantId, input.id);
  assertOpen(request);
  if (request.extendedAt) throw new ServiceError('CONFLICT', `Request ${request.id} was already extended`);
  const dueAt = addMonths(request.dueAt, EXTENSION_MONTHS);
  const [result] = await db
    .update(gdprRequests)
    .set({ dueAt, extendedAt: new Date(), extensionReason: input.reason, updatedAt: new Date() })
    .where(and(eq(gdprRequests.id, request.id), isNull(gdprRequests.extendedAt)));
  if (result.affectedRows === 0) throw new ServiceError('CONFLICT', `Request ${request.id} was already extended`);
  await recordRequestEvent(db, { tenantId, requestId: request.id, action: 'extended', note: input.reason, after: { dueAt } }, ctx);
  return dueAt;
}

export const verifyIdentitySchema = z.object({
  id: z.coerce.number().int().positive(),
  method: z.enum(GDPR_IDENTITY_METHODS),
  note: z.string().trim().max(255).default(''),
});

export async function verifyIdentity(db: Db, tenantId: number, input: z.output<typeof verifyIdentitySchema>, ctx: GdprWriteContext, now = new Date()) {
  const request = await getRequest(db, tenantId, input.id);
  assertOpen(request);
  await db
    .update(gdprRequests)
    .set({
      identityMethod: input.method,
      identityNote: input.note,
      identityVerifiedAt: now,
      status: request.status === 'unverified' ? 'open' : request.status,
      updatedAt: now,
    })
    .where(eq(gdprRequests.id, request.id));
  await recordRequestEvent(db, { tenantId, requestId: request.id, action: 'identity_verified', note: input.method }, ctx);
}

/** Marks a request in progress (an export or erasure started on it). */
export async function markInProgress(db: DbOrTx, requestId: number) {
  await db
    .update(gdprRequests)
    .set({ status: 'in_progress', updatedAt: new Date() })
    .where(and(eq(gdprRequests.id, requestId), eq(gdprRequests.status, 'open')));
}

/** Counts for the page header: open, due within the red window, past due. */
export async function countOpenRequests(db: DbOrTx, tenantId: number, soonDays: number) {
  const [row] = await db
    .select({
      open: count(),
      soon: sql<number>`SUM(${gdprRequests.dueAt} <= UTC_TIMESTAMP(3) + INTERVAL ${soonDays} DAY AND ${gdprRequests.dueAt} > UTC_TIMESTAMP(3))`,
      overdue: sql<number>`SUM(${gdprRequests.dueAt} <= UTC_TIMESTAMP(3))`,
    })
    .from(gdprRequests)
    .where(and(eq(gdprRequests.tenantId, tenantId), notInArray(gdprRequests.status, [...CLOSED_STATUSES])));
  return { open: Number(row?.open ?? 0), soon: Number(row?.soon ?? 0), overdue: Number(row?.overdue ?? 0) };
}
