import { z } from 'zod';
import { confirmLinkKey } from './public-intake';
import { mailConfigFromEnv, type MailConfig } from './mail';

const publicEnvSchema = z.object({
  AUTH_SECRET: z.string().min(16).optional(),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  NEXTAUTH_URL: z.url().regex(/^https?:\/\//).optional(),
});

export type PublicPageConfig = { linkKey: string; mail: MailConfig; baseUrl: string | null };

/**
 * What the public page needs from the environment: the link-signing key (derived from AUTH_SECRET),
 * the mail settings and the public URL (NEXTAUTH_URL; else the request's own origin). Null when no
 * AUTH_SECRET is set: links could not be signed, so the page refuses to file requests.
 */
export function publicPageConfig(source: Record<string, string | undefined> = process.env): PublicPageConfig | null {
  const parsed = publicEnvSchema.parse(source);
  const secret = parsed.AUTH_SECRET ?? parsed.NEXTAUTH_SECRET;
  if (!secret) return null;
  return { linkKey: confirmLinkKey(secret), mail: mailConfigFromEnv(source), baseUrl: parsed.NEXTAUTH_URL?.replace(/\/$/, '') ?? null };
}
