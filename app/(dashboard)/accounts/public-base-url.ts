import { headers } from 'next/headers';
import { z } from 'zod';

const configuredUrlSchema = z.url({ protocol: /^https?$/ });
const hostSchema = z.string().regex(/^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/);
const protoSchema = z.enum(['http', 'https']);

/**
 * Where marketplaces reach this app: NEXTAUTH_URL when set (the address the app is configured under),
 * else the host the admin's browser used.
 */
export async function publicBaseUrl(): Promise<string> {
  const configured = configuredUrlSchema.safeParse(process.env.NEXTAUTH_URL);
  if (configured.success) return configured.data.replace(/\/+$/, '');
  const h = await headers();
  const host = hostSchema.safeParse(h.get('x-forwarded-host') ?? h.get('host'));
  const proto = protoSchema.safeParse(h.get('x-forwarded-proto')?.split(',')[0]?.trim());
  return `${proto.success ? proto.data : 'http'}://${host.success ? host.data : 'localhost'}`;
}
