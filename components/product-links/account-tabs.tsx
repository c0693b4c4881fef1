import Link from 'next/link';
import { format } from '@/lib/i18n/locale';
import type { MarketplaceName, SkuMatchField } from '@/lib/marketplaces/names';
import type { ProductsLabels } from './labels';
import styles from './product-links.module.css';

export type AccountTab = { id: number; name: string; marketplace: MarketplaceName; skuMatch: SkuMatchField; disabled: boolean };

/** One tab per marketplace account; links are per account, so the page shows one at a time. */
export function AccountTabs({
  accounts,
  current,
  marketplaceLabels,
  labels,
}: {
  accounts: AccountTab[];
  current: number;
  marketplaceLabels: Record<MarketplaceName, string>;
  labels: Pick<ProductsLabels, 'accounts' | 'autoMatch'>;
}) {
  return (
    <nav className={styles.tabs} aria-label={labels.accounts.label}>
      {accounts.map((account) => (
        <Link
          key={account.id}
          href={`/products?account=${account.id}`}
          className={styles.tab}
          aria-current={account.id === current ? 'page' : undefined}
        >
          <span>
            {account.name}
            {account.disabled ? ` (${labels.accounts.disabled})` : ''}
          </span>
          <span className={styles.tabMeta}>
            {marketplaceLabels[account.marketplace]} · {format(labels.accounts.rule, { field: labels.autoMatch.fields[account.skuMatch] })}
          </span>
        </Link>
      ))}
    </nav>
  );
}
