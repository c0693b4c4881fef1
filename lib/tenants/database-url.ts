import { env } from '@/lib/env';
import { encryptionKeyFrom, openSecret, sealSecret } from '@/lib/crypto/secret-box';
import type { Tenant } from '@/lib/db/schema';

/** `user@host:port/database` of a mysql:// URL: what a page may show. Never the password or the options. */
export function databaseHint(url: string): string {
  if (!url) return '';
  const parsed = new URL(url);
  const user = parsed.username ? `${decodeURIComponent(parsed.username)}@` : '';
  const port = parsed.port ? `:${parsed.port}` : '';
  return `${user}${parsed.hostname}${port}${parsed.pathname}`.slice(0, 255);
}

/** The columns a tenant's database URL is stored in: sealed, with its hint; both empty for the main database. */
export function sealedDatabaseColumns(url: string, key: Buffer): Pick<Tenant, 'databaseUrl' | 'databaseUrlSealed' | 'databaseHint'> {
  if (!url) return { databaseUrl: '', databaseUrlSealed: '', databaseHint: '' };
  return { databaseUrl: '', databaseUrlSealed: sealSecret(url, key), databaseHint: databaseHint(url) };
}

/** The sealing key from APP_ENCRYPTION_KEY; read only when a sealed URL is met, so shops on the main database need none. */
export function tenantSealingKey(): Buffer {
  return encryptionKeyFrom(env().APP_ENCRYPTION_KEY);
}

/**
 * The database a tenant's OpenCart tables live in: its sealed URL opened, else a plain URL left by an
 * earlier version (until `npm run db:migrate` seals it), else the main database.
 */
export function tenantDatabaseUrl(
  tenant: Pick<Tenant, 'databaseUrl' | 'databaseUrlSealed'>,
  mainDatabaseUrl: string,
  key: () => Buffer = tenantSealingKey,
): string {
  if (tenant.databaseUrlSealed) return openSecret(tenant.databaseUrlSealed, key());
  return tenant.databaseUrl || mainDatabaseUrl;
}
