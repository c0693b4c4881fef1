import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { eq } from 'drizzle-orm';
import { createAppTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { gdprMailOutbox, gdprRequests, tenants } from '@/lib/db/schema';
import { currentConsents } from './consent';
import { mailConfigFromEnv } from './mail';
import { PublicRateLimitError, PUBLIC_LIMITS } from './public-rate-limit';
import { confirmLinkKey, confirmPublicRequest, filePublicRequest, findPublicTenant, publicRequestSchema, type PublicContext, type PublicTenantRef } from './public-intake';
import { CONFIRM_LINK_TTL_MS, signConfirmToken } from './public-token';

const linkKey = confirmLinkKey('test-auth-secret-0123456789');
const noSmtp = mailConfigFromEnv({});

function context(ip: string, mail = noSmtp): PublicContext {
  return { ip, userAgent: 'vitest', linkKey, baseUrl: 'http://shop.test', mail };
}

function tokenFrom(body: string): string {
  return /token=([^\s]+)/.exec(body)![1]!;
}

describe('public privacy page', () => {
  let t: TestDatabase;
  let tenant: PublicTenantRef;
  let ipCounter = 0;
  const freshIp = () => `203.0.113.${++ipCounter}`;

  beforeAll(async () => {
    t = await createAppTestDatabase('gdprpublic');
    tenant = await findPublicTenant(t.db, undefined);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('files an unverified request, shows the mail when no SMTP is set, and the signed link confirms it once', async () => {
    const input = publicRequestSchema.parse({ email: 'Zehra@Example.com', type: 'access', language: 'tr' });
    const filed = await filePublicRequest(t.db, tenant, input, context(freshIp()));
    expect(filed.mailSent).toBe(false);
    expect(filed.outbox!.body).toContain('http://shop.test/privacy/confirm?shop=default&token=');
    expect(filed.outbox!.subject).toContain('onaylayın');
    const [request] = await t.db.select().from(gdprRequests).where(eq(gdprRequests.id, filed.requestId));
    expect(request).toMatchObject({ status: 'unverified', source: 'public_page', email: 'zehra@example.com', identityVerifiedAt: null });

    const token = tokenFrom(filed.outbox!.body);
    expect(await confirmPublicRequest(t.db, tenant, token, context(freshIp()))).toBe('confirmed');
    expect(await confirmPublicRequest(t.db, tenant, token, context(freshIp()))).toBe('already_confirmed');
    const [confirmed] = await t.db.select().from(gdprRequests).where(eq(gdprRequests.id, filed.requestId));
    expect(confirmed).toMatchObject({ status: 'open', identityMethod: 'email_link' });
  });

  it('sends the link through SMTP_URL when it is set', async () => {
    const received: string[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      onData(stream, _session, callback) {
        let data = '';
        stream.on('data', (chunk: Buffer) => (data += chunk.toString()));
        stream.on('end', () => {
          received.push(data);
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.server.address() as AddressInfo).port;
      const mail = mailConfigFromEnv({ SMTP_URL: `smtp://127.0.0.1:${port}`, SMTP_FROM: 'privacy@shop.test' });
      const filed = await filePublicRequest(t.db, tenant, publicRequestSchema.parse({ email: 'mailed@example.com', type: 'erasure' }), context(freshIp(), mail));
      expect(filed).toMatchObject({ mailSent: true, outbox: null });
      expect(received).toHaveLength(1);
      expect(received[0]).toContain('To: mailed@example.com');
      expect(received[0]!.replace(/=\r\n/g, '')).toContain('http://shop.test/privacy/confirm?shop=3Ddefault&token=3D');
      const [row] = await t.db.select().from(gdprMailOutbox).where(eq(gdprMailOutbox.requestId, filed.requestId));
      expect(row!.sentAt).not.toBeNull();
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('a consent withdrawal takes effect when its link is opened', async () => {
    const filed = await filePublicRequest(
      t.db, tenant, publicRequestSchema.parse({ email: 'optout@example.com', type: 'consent_withdrawal', purposes: ['marketing_email', 'sms'] }), context(freshIp()),
    );
    expect(await confirmPublicRequest(t.db, tenant, tokenFrom(filed.outbox!.body), context(freshIp()))).toBe('confirmed');
    const state = await currentConsents(t.db, tenant.id, 'optout@example.com');
    expect(state).toEqual([
      expect.objectContaining({ purpose: 'marketing_email', action: 'withdrawn', source: 'public_page' }),
      expect.objectContaining({ purpose: 'sms', action: 'withdrawn' }),
      expect.objectContaining({ purpose: 'pricing_profiling', action: null }),
    ]);
    const [request] = await t.db.select().from(gdprRequests).where(eq(gdprRequests.id, filed.requestId));
    expect(request!.status).toBe('completed');
  });

  it('refuses a flood from one IP after the limit, and more than a few mails to one address', async () => {
    const ip = freshIp();
    for (let i = 0; i < PUBLIC_LIMITS.fileByIp.max; i += 1) {
      await filePublicRequest(t.db, tenant, publicRequestSchema.parse({ email: `flood${i}@example.com`, type: 'access' }), context(ip));
    }
    const refused = filePublicRequest(t.db, tenant, publicRequestSchema.parse({ email: 'flood-extra@example.com', type: 'access' }), context(ip));
    await expect(refused).rejects.toBeInstanceOf(PublicRateLimitError);
    await expect(refused).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });

    for (let i = 0; i < PUBLIC_LIMITS.fileByEmail.max; i += 1) {
      await filePublicRequest(t.db, tenant, publicRequestSchema.parse({ email: 'victim@example.com', type: 'erasure' }), context(freshIp()));
    }
    await expect(filePublicRequest(t.db, tenant, publicRequestSchema.parse({ email: 'victim@example.com', type: 'erasure' }), context(freshIp()))).rejects.toBeInstanceOf(
      PublicRateLimitError,
    );
  });

  it('refuses bad, forged, foreign and expired links with a clear outcome', async () => {
    const filed = await filePublicRequest(t.db, tenant, publicRequestSchema.parse({ email: 'links@example.com', type: 'access' }), context(freshIp()));
    const token = tokenFrom(filed.outbox!.body);
    const ip = freshIp();
    expect(await confirmPublicRequest(t.db, tenant, 'not-a-token', context(ip))).toBe('invalid');
    expect(await confirmPublicRequest(t.db, tenant, `${token.slice(0, -2)}AA`, context(ip))).toBe('invalid');
    // The same request id with a later expiry, signed with another key: forged.
    expect(await confirmPublicRequest(t.db, tenant, signConfirmToken('another-key', tenant.id, filed.requestId), context(ip))).toBe('invalid');
    // A genuine link of another shop does not open this one's request.
    expect(await confirmPublicRequest(t.db, tenant, signConfirmToken(linkKey, tenant.id + 1, filed.requestId), context(ip))).toBe('invalid');
    const late = new Date(Date.now() + CONFIRM_LINK_TTL_MS + 60_000);
    expect(await confirmPublicRequest(t.db, tenant, token, context(ip), late)).toBe('expired');
    expect(await confirmPublicRequest(t.db, tenant, signConfirmToken(linkKey, tenant.id, 999_999), context(ip))).toBe('not_found');
    const [request] = await t.db.select().from(gdprRequests).where(eq(gdprRequests.id, filed.requestId));
    expect(request!.status).toBe('unverified');
  });

  it('stops a script guessing tokens', async () => {
    const ip = freshIp();
    for (let i = 0; i < PUBLIC_LIMITS.confirmByIp.max; i += 1) await confirmPublicRequest(t.db, tenant, `guess-${i}`, context(ip));
    await expect(confirmPublicRequest(t.db, tenant, 'guess-more', context(ip))).rejects.toBeInstanceOf(PublicRateLimitError);
  });

  it('refuses bad input, a filled honeypot and an unknown or disabled shop', async () => {
    expect(publicRequestSchema.safeParse({ email: 'not-an-email', type: 'access' }).success).toBe(false);
    expect(publicRequestSchema.safeParse({ email: 'a@example.com', type: 'delete_everything' }).success).toBe(false);
    expect(publicRequestSchema.safeParse({ email: 'a@example.com', type: 'access', website: 'http://spam' }).success).toBe(false);
    await expect(findPublicTenant(t.db, 'no-such-shop')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await t.db.update(tenants).set({ status: 'disabled' }).where(eq(tenants.id, tenant.id));
    await expect(findPublicTenant(t.db, 'default')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await t.db.update(tenants).set({ status: 'active' }).where(eq(tenants.id, tenant.id));
  });
});
