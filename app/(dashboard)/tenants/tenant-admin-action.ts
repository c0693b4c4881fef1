import { headers } from 'next/headers';
import type { z } from 'zod';
import { env } from '@/lib/env';
import { getDb, type Db } from '@/lib/db/pool';
import { clientIpFromHeaders } from '@/lib/auth/client-ip';
import { getLocale, requireSessionUser } from '@/lib/auth/session';
import type { ActionResult, FieldErrors } from '@/lib/auth/tenant-action';
import { ServiceError } from '@/lib/errors/service-error';
import { getMessages, type Locale } from '@/lib/i18n';
import type { SessionUser } from '@/lib/tenants/list-tenants-for-user';

/** Who is asking: tenant administration is about tenants by id, not about the shop open in the header. */
export type TenantAdminContext = {
  user: SessionUser;
  /** The main database (msc_ tables, and the OpenCart admins who sign in). */
  db: Db;
  locale: Locale;
  request: { ip: string; userAgent: string };
};

type TenantsErrors = ReturnType<typeof getMessages>['tenants']['errors'];

function serviceErrorText(err: ServiceError, texts: TenantsErrors): string {
  if (err.code === 'BAD_REQUEST') return texts.invalid;
  if (err.code === 'FORBIDDEN' || err.code === 'UNAUTHORIZED') return texts.forbidden;
  if (err.code === 'NOT_FOUND') return texts.notFound;
  if (err.code === 'CONFLICT') return texts.conflict;
  return texts.generic;
}

/**
 * The way into a tenant-administration action: parse the input, then the session, then the body; which
 * tenants the user administers is checked by lib/tenants for each tenant id (another tenant's id is
 * NOT_FOUND). A ServiceError becomes `{ ok: false, message }` in the asker's language.
 */
export function tenantAdminAction<S extends z.ZodType, T extends object>(
  options: { schema: S; fieldErrors?: (issues: z.core.$ZodIssue[], locale: Locale) => FieldErrors },
  body: (input: z.output<S>, ctx: TenantAdminContext) => Promise<ActionResult<T>>,
): (input: unknown) => Promise<ActionResult<T>> {
  return async (input) => {
    const locale = await getLocale();
    const texts = getMessages(locale).tenants.errors;
    const parsed = options.schema.safeParse(input);
    if (!parsed.success) return { ok: false, message: texts.invalid, fieldErrors: options.fieldErrors?.(parsed.error.issues, locale) };
    const user = await requireSessionUser();
    const h = await headers();
    const ctx: TenantAdminContext = {
      user,
      db: getDb(env().DATABASE_URL),
      locale,
      request: { ip: clientIpFromHeaders(h), userAgent: h.get('user-agent') ?? '' },
    };
    try {
      return await body(parsed.data, ctx);
    } catch (err) {
      if (!(err instanceof ServiceError)) throw err;
      console.error(`tenant admin action refused for user ${user.id} (${err.code}): ${err.message}`);
      return { ok: false, message: serviceErrorText(err, texts) };
    }
  };
}
