import { cache } from 'react';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getServerSession } from 'next-auth';
import { env } from '@/lib/env';
import { getDb } from '@/lib/db/pool';
import { openTenantForUser } from '@/lib/tenants/open-tenant';
import type { SessionUser } from '@/lib/tenants/list-tenants-for-user';
import { LOCALE_COOKIE, pickLocale, type Locale } from '@/lib/i18n';
import { authOptions } from './next-auth-options';

export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  const u = session?.user;
  if (!u || typeof u.id !== 'number') return null;
  return { id: u.id, username: u.username, isAdministrator: u.isAdministrator };
});

/** For pages: the signed-in user, or a redirect to the login page. */
export async function requireSessionUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect('/login');
  return user;
}

/** The shop the signed-in user last chose in the switcher (msc_tenant_choice), else their first, opened for them. */
export const openCurrentTenant = cache(async () => {
  const user = await requireSessionUser();
  return openTenantForUser(getDb(env().DATABASE_URL), env().DATABASE_URL, user, undefined);
});

export const getLocale = cache(async (): Promise<Locale> => {
  const [c, h] = await Promise.all([cookies(), headers()]);
  return pickLocale(c.get(LOCALE_COOKIE)?.value, h.get('accept-language'));
});
