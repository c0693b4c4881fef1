'use server';

import { cookies } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE_S, localeSchema } from '@/lib/i18n';

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
