import { NextResponse } from 'next/server';
import type { z } from 'zod';
import { ServiceError } from '@/lib/errors/service-error';
import { getSessionUser, openCurrentTenant } from '@/lib/auth/session';
import type { SessionUser } from '@/lib/tenants/list-tenants-for-user';
import type { OpenedTenant } from '@/lib/tenants/open-tenant';

/** The dashboard API's one error shape. */
export function apiError(status: number, code: string, message: string, issues?: unknown) {
  return NextResponse.json({ error: { code, message, ...(issues ? { issues } : {}) } }, { status, headers: { 'Cache-Control': 'no-store' } });
}

/**
 * A dashboard API route's checks, in order: its input as zod parsed it (400 with the issues), a session
 * (401), the shop open in the header; then `handle`. A ServiceError, from opening the shop or from
 * `handle`, answers with its status as JSON; anything else fails the request and is logged.
 */
export async function withSessionTenant<T>(
  input: z.ZodSafeParseResult<T>,
  invalidMessage: string,
  handle: (data: T, ctx: { user: SessionUser; tenant: OpenedTenant }) => Promise<Response>,
): Promise<Response> {
  if (!input.success) return apiError(400, 'BAD_REQUEST', invalidMessage, input.error.issues);
  const user = await getSessionUser();
  if (!user) return apiError(401, 'UNAUTHORIZED', 'Sign in first.');
  try {
    return await handle(input.data, { user, tenant: await openCurrentTenant() });
  } catch (err) {
    if (err instanceof ServiceError) return apiError(err.status, err.code, err.message);
    throw err;
  }
}
