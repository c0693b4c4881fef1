'use server';

import { cookies } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE_S, localeSchema } from '@/lib/i18n';
import { TENANT_COOKIE, openCurrentTenant } from '@/lib/auth/session';

export type ActionResult = { ok: true } | { ok: false; message: string };

export async function setLocale(input: unknown): Promise<ActionResult> {
  const parsed = localeSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: 'Unknown language' };
  (await cookies()).set(LOCALE_COOKIE, parsed.data, {
    maxAge: LOCALE_COOKIE_MAX_AGE_S,
    path: '/',
    sameSite: 'lax',
    httpOnly: false,
  });
  revalidatePath('/', 'layout');
  return { ok: true };
}

const tenantSlugSchema = z.string().regex(/^[a-z0-9-]{1,64}$/);

export async function setTenant(input: unknown): Promise<ActionResult> {
  const parsed = tenantSlugSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: 'Unknown shop' };
  const { available } = await openCurrentTenant();
  if (!available.some((t) => t.slug === parsed.data)) return { ok: false, message: 'Unknown shop' };
  (await cookies()).set(TENANT_COOKIE, parsed.data, { path: '/', sameSite: 'lax', httpOnly: true });
  revalidatePath('/', 'layout');
  return { ok: true };
}
