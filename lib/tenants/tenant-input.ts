import { z } from 'zod';
import { TENANT_ROLES } from '@/lib/db/schema';

/** Lower-case letters, digits and hyphens: slugs end up in URLs, cron query strings and lock names. */
export const tenantSlugSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lower-case letters, digits and hyphens, starting with a letter or digit');

/** A mysql:// URL with a host and a database; sealed it must still fit its column. */
export const databaseUrlSchema = z
  .string()
  .trim()
  .max(600)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'mysql:' && url.hostname !== '' && url.pathname.length > 1;
    } catch {
      return false;
    }
  }, 'a mysql:// URL with a host and a database, e.g. mysql://user:password@db.example:3306/shop');

/** OpenCart's DB_PREFIX: it becomes part of table names, so letters, digits and _ only. */
export const tablePrefixSchema = z.string().trim().regex(/^[A-Za-z0-9_]{0,32}$/, 'letters, digits and _ only, at most 32');

export const timeZoneSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'an IANA time zone such as Europe/Istanbul or UTC');

export const createTenantSchema = z.object({
  name: z.string().trim().min(1).max(128),
  slug: tenantSlugSchema,
  /** Empty: the main database. */
  databaseUrl: z.union([z.literal(''), databaseUrlSchema]).default(''),
  tablePrefix: tablePrefixSchema.default('oc_'),
  storeId: z.number().int().min(0).max(2_147_483_647).default(0),
  timezone: timeZoneSchema.default('UTC'),
});
export type CreateTenantInput = z.input<typeof createTenantSchema>;

/** Omitted fields stay; `database` says what to do with the connection, which is never sent back to be edited. */
export const updateTenantSchema = z.object({
  name: z.string().trim().min(1).max(128).optional(),
  slug: tenantSlugSchema.optional(),
  database: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('keep') }),
      z.object({ kind: z.literal('main') }),
      z.object({ kind: z.literal('url'), url: databaseUrlSchema }),
    ])
    .default({ kind: 'keep' }),
  tablePrefix: tablePrefixSchema.optional(),
  storeId: z.number().int().min(0).max(2_147_483_647).optional(),
  timezone: timeZoneSchema.optional(),
});
export type UpdateTenantInput = z.input<typeof updateTenantSchema>;

export const grantInputSchema = z.object({
  userId: z.number().int().positive(),
  role: z.enum(TENANT_ROLES),
});
export type GrantInput = z.input<typeof grantInputSchema>;

export function invalidInput(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`).join('; ');
}
