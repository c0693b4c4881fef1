import { createHash, createHmac } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/lib/db/pool';
import { CONSENT_PURPOSES, GDPR_LANGUAGES, GDPR_REQUEST_TYPES, gdprRequests, tenants, type ConsentPurpose } from '@/lib/db/schema';
import { DEFAULT_TENANT_SLUG } from '@/lib/db/migrate';
import { ServiceError } from '@/lib/errors/service-error';
import { recordConsent } from './consent';
import { sendGdprMail, type MailConfig } from './mail';
import { signConfirmToken, verifyConfirmToken, CONFIRM_LINK_TTL_MS } from './public-token';
import { takePublicAttempt } from './public-rate-limit';
import { recordRequestEvent } from './request-context';
import { createRequest } from './requests';
import { subjectEmailSchema } from './subject';

const PUBLIC_ACTOR = { userId: null, username: 'public-page' };

export const publicRequestSchema = z.object({
  email: subjectEmailSchema,
  type: z.enum(GDPR_REQUEST_TYPES),
  orderId: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.coerce.number().int().positive().max(2_147_483_647).optional()),
  details: z.string().trim().max(1000).default(''),
  purposes: z.array(z.enum(CONSENT_PURPOSES)).max(CONSENT_PURPOSES.length).default([]),
  language: z.enum(GDPR_LANGUAGES).default('en'),
  /** A field people never see: anything in it came from a bot. */
  website: z.string().max(0).optional(),
});
export type PublicRequestInput = z.output<typeof publicRequestSchema>;

export type PublicContext = { ip: string; userAgent: string; linkKey: string; baseUrl: string; mail: MailConfig };
export type PublicTenantRef = { id: number; slug: string; name: string };

/** `?shop=<slug>` picks the shop; without it the deployment's default shop. Disabled or unknown: not found. */
export async function findPublicTenant(db: Db, slug: string | undefined): Promise<PublicTenantRef> {
  const [row] = await db
    .select({ id: tenants.id, slug: tenants.slug, name: tenants.name })
    .from(tenants)
    .where(and(eq(tenants.slug, slug ?? DEFAULT_TENANT_SLUG), eq(tenants.status, 'active')));
  if (!row) throw new ServiceError('NOT_FOUND', `No active shop "${slug ?? DEFAULT_TENANT_SLUG}"`);
  return row;
}

/** The key public links are signed with: derived from AUTH_SECRET, so it is never the session key itself. */
export function confirmLinkKey(authSecret: string): string {
  return createHmac('sha256', authSecret).update('msc-gdpr-confirm-link').digest('hex');
}

function hashed(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 32);
}

const PURPOSES_LINE = /^purposes=([a-z_,]*)$/m;

function confirmMail(language: 'en' | 'tr', shop: string, link: string, requestId: number) {
  const hours = CONFIRM_LINK_TTL_MS / 3_600_000;
  if (language === 'tr') {
    return {
      subject: `${shop}: kişisel veri talebinizi onaylayın (#${requestId})`,
      body: `Merhaba,\n\n${shop} mağazasına kişisel verilerinizle ilgili bir talep iletildi. Talebi siz yaptıysanız ${hours} saat içinde şu bağlantıyı açarak onaylayın:\n\n${link}\n\nTalebi siz yapmadıysanız bu e-postayı dikkate almayın; onaylanmayan talep işleme alınmaz.\n`,
    };
  }
  return {
    subject: `${shop}: confirm your personal data request (#${requestId})`,
    body: `Hello,\n\nA request about your personal data was made to ${shop}. If it was you, confirm it within ${hours} hours by opening this link:\n\n${link}\n\nIf it was not you, ignore this email: an unconfirmed request is never acted on.\n`,
  };
}

export type FiledPublicRequest = { requestId: number; mailSent: boolean; outbox: { to: string; subject: string; body: string } | null };

/**
 * Files a request from the public page: rate-limited per IP and per email, unverified until the person
 * opens the signed link mailed to the address. The answer is the same whether or not the address is a
 * customer's, so the page cannot be used to learn who shops here.
 */
export async function filePublicRequest(db: Db, tenant: PublicTenantRef, input: PublicRequestInput, ctx: PublicContext, now = new Date()): Promise<FiledPublicRequest> {
  if (input.website) throw new ServiceError('BAD_REQUEST', 'honeypot filled');
  await takePublicAttempt(db, tenant.id, 'fileByIp', hashed(ctx.ip), now);
  await takePublicAttempt(db, tenant.id, 'fileByEmail', hashed(input.email), now);
  const purposes = input.type === 'consent_withdrawal' ? (input.purposes.length > 0 ? input.purposes : [...CONSENT_PURPOSES]) : [];
  const details = [input.details, purposes.length > 0 ? `purposes=${purposes.join(',')}` : ''].filter(Boolean).join('\n');
  const requestId = await createRequest(
    db,
    { tenantId: tenant.id, type: input.type, source: 'public_page', email: input.email, orderId: input.orderId, language: input.language, details, receivedAt: now },
    { actor: PUBLIC_ACTOR, request: { ip: ctx.ip, userAgent: ctx.userAgent } },
  );
  const token = signConfirmToken(ctx.linkKey, tenant.id, requestId, now);
  const link = `${ctx.baseUrl}/privacy/confirm?shop=${encodeURIComponent(tenant.slug)}&token=${token}`;
  const mail = confirmMail(input.language, tenant.name, link, requestId);
  const sent = await sendGdprMail(db, ctx.mail, { tenantId: tenant.id, requestId, to: input.email, ...mail });
  return { requestId, mailSent: sent.sent, outbox: sent.sent ? null : { to: input.email, ...mail } };
}

export type ConfirmOutcome = 'confirmed' | 'already_confirmed' | 'invalid' | 'expired' | 'not_found';

/**
 * Opens a confirmation link: a valid, unexpired signature for a request of this shop verifies the
 * person's identity by email; a consent withdrawal then takes effect at once (appended to the ledger).
 * Opening the link again is harmless.
 */
export async function confirmPublicRequest(db: Db, tenant: PublicTenantRef, token: string, ctx: Omit<PublicContext, 'baseUrl' | 'mail'>, now = new Date()): Promise<ConfirmOutcome> {
  await takePublicAttempt(db, tenant.id, 'confirmByIp', hashed(ctx.ip), now);
  const check = verifyConfirmToken(ctx.linkKey, tenant.id, token, now);
  if (!check.ok) return check.reason === 'expired' ? 'expired' : 'invalid';
  const [request] = await db.select().from(gdprRequests).where(and(eq(gdprRequests.id, check.requestId), eq(gdprRequests.tenantId, tenant.id)));
  if (!request) return 'not_found';
  if (request.status !== 'unverified') return 'already_confirmed';
  const [updated] = await db
    .update(gdprRequests)
    .set({ status: 'open', identityMethod: 'email_link', identityVerifiedAt: now, updatedAt: now })
    .where(and(eq(gdprRequests.id, request.id), eq(gdprRequests.status, 'unverified')));
  if (updated.affectedRows === 0) return 'already_confirmed';
  const wctx = { actor: PUBLIC_ACTOR, request: { ip: ctx.ip, userAgent: ctx.userAgent } };
  await recordRequestEvent(db, { tenantId: tenant.id, requestId: request.id, action: 'identity_verified', note: 'email_link' }, wctx);
  if (request.type === 'consent_withdrawal') {
    const listed = PURPOSES_LINE.exec(request.details ?? '')?.[1]?.split(',') ?? [];
    const purposes = z.array(z.enum(CONSENT_PURPOSES)).catch([...CONSENT_PURPOSES]).parse(listed.length > 0 ? listed : [...CONSENT_PURPOSES]);
    for (const purpose of purposes as ConsentPurpose[]) {
      await recordConsent(db, tenant.id, { email: request.email, customerId: request.customerId ?? undefined, purpose, action: 'withdrawn', legalBasis: 'consent', source: 'public_page' }, wctx, now);
    }
    await db.update(gdprRequests).set({ status: 'completed', closedAt: now, updatedAt: now }).where(eq(gdprRequests.id, request.id));
    await recordRequestEvent(db, { tenantId: tenant.id, requestId: request.id, action: 'completed', after: { withdrawn: purposes } }, wctx);
  }
  return 'confirmed';
}
