import Link from 'next/link';
import { env } from '@/lib/env';
import { getDb } from '@/lib/db/pool';
import { getLocale, openCurrentTenant } from '@/lib/auth/session';
import { getMessages } from '@/lib/i18n';
import { listMarketplaceAccounts } from '@/lib/marketplace-accounts';
import { getStoreSettings } from '@/lib/shop/store-settings';
import { listHeldPrices } from '@/lib/sync/product-links/list-held-prices';
import { listProductLinkRows } from '@/lib/sync/product-links/list-product-link-rows';
import { productListQueryToString, readProductListQuery } from '@/lib/sync/product-links/product-list-query';
import { readShopPricing } from '@/lib/sync/read-shop-stock-prices';
import { getSyncSettings } from '@/lib/sync/sync-settings';
import { shopTimeZone } from '@/lib/webhooks/queries';
import { EmptyState } from '@/components/overview/empty-state';
import { AccountTabs } from '@/components/product-links/account-tabs';
import { AutoMatchPanel } from '@/components/product-links/auto-match-panel';
import { HeldPricesPanel } from '@/components/product-links/held-prices-panel';
import { Pagination } from '@/components/ui/pagination';
import { ProductFilterForm } from '@/components/product-links/product-filter-form';
import { ProductLinksTable } from '@/components/product-links/product-links-table';
import { SyncSettingsForm } from '@/components/product-links/sync-settings-form';
import overview from '@/components/overview/overview.module.css';
import styles from '@/components/product-links/product-links.module.css';
import {
  applyAutoMatchAction,
  linkProductAction,
  previewAutoMatchAction,
  reviewHeldPricesAction,
  unlinkProductAction,
  updateSyncSettingsAction,
} from './actions';
import { PRODUCT_EDIT_ROLES, SYNC_SETTINGS_ROLES } from './product-roles';

export default async function ProductsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [locale, tenant, raw] = await Promise.all([getLocale(), openCurrentTenant(), searchParams]);
  const messages = getMessages(locale);
  const m = messages.products;
  const db = getDb(env().DATABASE_URL);
  const tenantId = tenant.tenant.id;
  const accounts = await listMarketplaceAccounts(db, tenantId);

  if (accounts.length === 0) {
    return (
      <div className={styles.page}>
        <div>
          <h1>{m.title}</h1>
          <p className={styles.lead}>{m.description}</p>
        </div>
        <section className={overview.panel}>
          <EmptyState title={m.noAccounts.title} hint={tenant.role === 'admin' ? m.noAccounts.hint : m.noAccounts.hintViewer} />
          {tenant.role === 'admin' ? (
            <p>
              <Link href="/accounts">{messages.accounts.nav}</Link>
            </p>
          ) : null}
        </section>
      </div>
    );
  }

  const { query, ignored } = readProductListQuery(raw);
  const account = accounts.find((a) => a.id === query.account) ?? accounts[0]!;
  const store = await getStoreSettings(tenant);
  const timeZone = shopTimeZone(store);
  const [pricing, syncSettings, held] = await Promise.all([
    readShopPricing(tenant, new Date()),
    getSyncSettings(db, tenantId),
    listHeldPrices(db, tenantId, account.id),
  ]);
  const list = await listProductLinkRows(db, tenant, {
    accountId: account.id,
    languageId: store.languageId,
    pricing,
    q: query.q,
    filter: query.filter,
    page: query.page,
  });
  const canEdit = PRODUCT_EDIT_ROLES.includes(tenant.role);
  const filtered = query.q !== undefined || query.filter !== 'all';
  const hrefFor = (page: number) => `/products?${productListQueryToString({ ...query, account: account.id, page })}`;

  return (
    <div className={styles.page}>
      <div>
        <h1>{m.title}</h1>
        <p className={styles.lead}>{m.description}</p>
      </div>
      <AccountTabs
        accounts={accounts.map((a) => ({ id: a.id, name: a.name, marketplace: a.marketplace, skuMatch: a.skuMatch, disabled: a.status !== 'active' }))}
        current={account.id}
        marketplaceLabels={messages.webhooks.marketplaces}
        labels={m}
      />
      <div className={styles.columns}>
        <ProductFilterForm query={query} accountId={account.id} ignored={ignored} labels={m.filters} />
        {canEdit ? (
          <AutoMatchPanel
            key={account.id}
            accountId={account.id}
            field={account.skuMatch}
            preview={previewAutoMatchAction}
            apply={applyAutoMatchAction}
            labels={m}
            locale={locale}
          />
        ) : null}
      </div>
      <section className={overview.panel} aria-label={m.title}>
        {list.rows.length === 0 ? (
          <EmptyState title={m.table.empty} hint={filtered ? m.table.emptyHint : undefined} />
        ) : (
          <ProductLinksTable
            rows={list.rows}
            accountId={account.id}
            accountName={account.name}
            currency={pricing.currency}
            edit={canEdit ? { linkProduct: linkProductAction, unlinkProduct: unlinkProductAction } : null}
            labels={m}
            locale={locale}
            timeZone={timeZone}
          />
        )}
        <Pagination page={list.page} pageCount={list.pageCount} total={list.total} hrefFor={hrefFor} labels={m.pagination} locale={locale} scroll={false} />
      </section>
      <HeldPricesPanel
        key={`held-${account.id}`}
        accountId={account.id}
        held={held}
        thresholdPct={syncSettings.priceChangeThresholdPct}
        currency={pricing.currency}
        review={canEdit ? reviewHeldPricesAction : null}
        labels={m}
        locale={locale}
        timeZone={timeZone}
      />
      {SYNC_SETTINGS_ROLES.includes(tenant.role) ? (
        <SyncSettingsForm thresholdPct={syncSettings.priceChangeThresholdPct} update={updateSyncSettingsAction} labels={m} locale={locale} />
      ) : null}
    </div>
  );
}
