import { eq } from 'drizzle-orm';
import { marketplaceAccounts, type MarketplaceAccount } from '@/lib/db/schema';
import type { DbOrTx } from '@/lib/db/pool';
import { openAccountSecrets, type AccountSecrets } from './account-secrets';
import { accountSettingsSchema, type AccountSettings } from './schema';

/** An account with its secrets opened: for authenticating a push, never for a page or a log. */
export type WebhookAccount = Omit<MarketplaceAccount, 'secretCiphertext' | 'settings'> & {
  settings: AccountSettings;
  secrets: AccountSecrets;
};

/** The account a push is addressed to, whatever its status (the caller decides), or null. */
export async function getAccountForWebhook(db: DbOrTx, accountId: number, key: Buffer): Promise<WebhookAccount | null> {
  const [row] = await db.select().from(marketplaceAccounts).where(eq(marketplaceAccounts.id, accountId));
  if (!row) return null;
  const { secretCiphertext, settings, ...rest } = row;
  return { ...rest, settings: accountSettingsSchema.parse(settings), secrets: openAccountSecrets(secretCiphertext, key) };
}
