import { headers } from 'next/headers';
import type { z } from 'zod';
import { env } from '@/lib/env';
import { getDb, type Db } from '@/lib/db/pool';
import type { TenantRole } from '@/lib/db/schema';
import { ServiceError, type ServiceErrorCode } from '@/lib/errors/service-error';
import { clientIpFromHeaders } from '@/lib/auth/client-ip';
import { getLocale, openCurrentTenant, requireSessionUser } from '@/lib/auth/session';
import type { Locale } from '@/lib/i18n';
import type { OpenedTenant } from '@/lib/tenants/open-tenant';
import { QuotaExceededError } from '@/lib/quotas/quota-exceeded-error';
import { quotaExceededText } from '@/lib/quotas/quota-exceeded-text';

export type FieldErrors = Record<string, string[]>;
export type ActionFailure = { ok: false; message: string; fieldErrors?: FieldErrors };
export type ActionResult<T extends object = object> = ({ ok: true } & T) | ActionFailure;

/** What an action body knows about who is asking, in which shop. */
export type TenantActionContext = {
  tenant: OpenedTenant;
  /** The main database, where the companion (msc_) tables live. */
  db: Db;
  locale: Locale;
  actor: { userId: number; username: string };
  request: { ip: string; userAgent: string };
};

/** The texts an action answers its failures with, in the asker's language. */
export type ActionErrorTexts = { invalid: string; forbidden: string; notFound: string; generic: string; conflict?: string };

type TenantActionOptions<S extends z.ZodType> = {
  schema: S;
  /** The tenant roles allowed to run it. */
  roles: readonly TenantRole[];
  errors: (locale: Locale) => ActionErrorTexts;
  /** Field errors in the asker's language; without it, an invalid input answers only `invalid`. */
  fieldErrors?: (issues: z.core.$ZodIssue[], locale: Locale) => FieldErrors;
};

function serviceErrorText(code: ServiceErrorCode, texts: ActionErrorTexts): string {
  if (code === 'BAD_REQUEST') return texts.invalid;
  if (code === 'FORBIDDEN' || code === 'UNAUTHORIZED') return texts.forbidden;
  if (code === 'NOT_FOUND') return texts.notFound;
  if (code === 'CONFLICT') return texts.conflict ?? texts.generic;
  return texts.generic;
}

/**
 * The one way into a dashboard server action: parse the input, then check the session, the tenant and
 * the role, then run the body. A ServiceError from the domain becomes `{ ok: false, message }` in the
 * asker's language (the cause goes to the log); anything else fails the request.
 */
export function tenantAction<S extends z.ZodType, T extends object>(
  options: TenantActionOptions<S>,
  body: (input: z.output<S>, ctx: TenantActionContext) => Promise<ActionResult<T>>,
): (input: unknown) => Promise<ActionResult<T>> {
  return async (input) => {
    const locale = await getLocale();
    const texts = options.errors(locale);
    const parsed = options.schema.safeParse(input);
    if (!parsed.success) {
      return { ok: false, message: texts.invalid, fieldErrors: options.fieldErrors?.(parsed.error.issues, locale) };
    }
    const user = await requireSessionUser();
    const tenant = await openCurrentTenant();
    if (!options.roles.includes(tenant.role)) return { ok: false, message: texts.forbidden };
    const h = await headers();
    const ctx: TenantActionContext = {
      tenant,
      db: getDb(env().DATABASE_URL),
      locale,
      actor: { userId: user.id, username: user.username },
      request: { ip: clientIpFromHeaders(h), userAgent: h.get('user-agent') ?? '' },
    };
    try {
      return await body(parsed.data, ctx);
    } catch (err) {
      if (!(err instanceof ServiceError)) throw err;
      // Over a quota (linking products, a backup, an export): say which one, its limit and the use, in any action.
      if (err instanceof QuotaExceededError) return { ok: false, message: quotaExceededText(err, locale) };
      console.error(`action refused for tenant ${tenant.tenant.slug} (${err.code}): ${err.message}`, err.cause ?? '');
      return { ok: false, message: serviceErrorText(err.code, texts) };
    }
  };
}
