import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NextRequest } from 'next/server';
import { createAppTestDatabase, type TestDatabase } from '@/lib/testing/harness';
import { tenants } from '@/lib/db/schema';
import { POST as fileRequest } from '@/app/api/privacy/requests/route';
import { POST as confirmRequest } from '@/app/api/privacy/confirm/route';
import { PUBLIC_LIMITS } from './public-rate-limit';
import { confirmLinkKey } from './public-intake';
import { CONFIRM_LINK_TTL_MS, signConfirmToken } from './public-token';

const AUTH_SECRET = 'route-test-auth-secret-0123456789';
let t: TestDatabase;
let tenantId: number;
let ipCounter = 0;

beforeAll(async () => {
  t = await createAppTestDatabase('gdprroute');
  // The routes read their database, secret and mail settings from the environment, as `next start` gives them.
  process.env.DATABASE_URL = t.url;
  process.env.AUTH_SECRET = AUTH_SECRET;
  delete process.env.SMTP_URL;
  const [tenant] = await t.db.select().from(tenants);
  tenantId = tenant!.id;
});
afterAll(async () => t?.drop());

function post(handler: (r: NextRequest) => Promise<Response>, path: string, body: unknown, ip = `198.18.0.${++ipCounter}`) {
  return handler(
    new NextRequest(`http://shop.test${path}`, {
      method: 'POST',
      body: typeof body === 'string' ? body : JSON.stringify(body),
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
    }),
  );
}

describe('the public privacy routes', () => {
  it('file a request (201, the mail shown without SMTP) and confirm it once by its link', async () => {
    const filed = await post(fileRequest, '/api/privacy/requests', { email: 'route.person@example.com', type: 'access' });
    expect(filed.status).toBe(201);
    const json = (await filed.json()) as { mailSent: boolean; outbox: { body: string } };
    expect(json.mailSent).toBe(false);
    const token = /token=(\S+)/.exec(json.outbox.body)![1]!;
    const first = await post(confirmRequest, '/api/privacy/confirm', { shop: 'default', token });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ outcome: 'confirmed' });
    expect(await (await post(confirmRequest, '/api/privacy/confirm', { token })).json()).toMatchObject({ outcome: 'already_confirmed' });
  });

  it('refuse bad input with 400 and a JSON error, and an unknown shop with 404', async () => {
    const badJson = await post(fileRequest, '/api/privacy/requests', '{not json');
    expect(badJson.status).toBe(400);
    const badEmail = await post(fileRequest, '/api/privacy/requests', { email: 'nope', type: 'access' });
    expect(badEmail.status).toBe(400);
    expect(await badEmail.json()).toMatchObject({ error: { code: 'BAD_REQUEST', message: 'Check the email address and the request type.' } });
    expect((await post(fileRequest, '/api/privacy/requests', { email: 'a@example.com', type: 'access', website: 'x' })).status).toBe(400);
    expect((await post(fileRequest, '/api/privacy/requests?shop=BAD_SLUG!', { email: 'a@example.com', type: 'access' })).status).toBe(400);
    const unknown = await post(fileRequest, '/api/privacy/requests?shop=no-such-shop', { email: 'a@example.com', type: 'access' });
    expect(unknown.status).toBe(404);
  });

  it('answer a flood with 429 and Retry-After', async () => {
    const ip = '198.18.9.9';
    for (let i = 0; i < PUBLIC_LIMITS.fileByIp.max; i += 1) {
      expect((await post(fileRequest, '/api/privacy/requests', { email: `flood.route${i}@example.com`, type: 'access' }, ip)).status).toBe(201);
    }
    const refused = await post(fileRequest, '/api/privacy/requests', { email: 'flood.route.extra@example.com', type: 'access' }, ip);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({ error: { code: 'TOO_MANY_REQUESTS' } });
  });

  it('answer bad links 400, expired ones 410 and missing requests 404', async () => {
    const key = confirmLinkKey(AUTH_SECRET);
    expect((await post(confirmRequest, '/api/privacy/confirm', { token: 'garbage' })).status).toBe(400);
    expect((await post(confirmRequest, '/api/privacy/confirm', {})).status).toBe(400);
    const old = signConfirmToken(key, tenantId, 1, new Date(Date.now() - CONFIRM_LINK_TTL_MS - 60_000));
    const expired = await post(confirmRequest, '/api/privacy/confirm', { token: old });
    expect(expired.status).toBe(410);
    expect(await expired.json()).toMatchObject({ error: { code: 'EXPIRED', message: 'This link has expired; make a new request.' } });
    expect((await post(confirmRequest, '/api/privacy/confirm', { token: signConfirmToken(key, tenantId, 987_654) })).status).toBe(404);
  });

  it('refuse to file anything without AUTH_SECRET (links could not be signed)', async () => {
    delete process.env.AUTH_SECRET;
    try {
      expect((await post(fileRequest, '/api/privacy/requests', { email: 'nosecret@example.com', type: 'access' })).status).toBe(503);
    } finally {
      process.env.AUTH_SECRET = AUTH_SECRET;
    }
  });
});
