import { env } from '@/lib/env';
import { getDb } from '@/lib/db/pool';
import { getLocale, openCurrentTenant } from '@/lib/auth/session';
import { getMessages } from '@/lib/i18n';
import { MARKETPLACES, SKU_MATCH_FIELDS } from '@/lib/marketplaces/names';
import { getAdapter } from '@/lib/marketplaces/registry';
import { listMarketplaceAccounts, SECRET_ROTATION_GRACE_MS, webhookUrl } from '@/lib/marketplace-accounts';
import { getStoreSettings } from '@/lib/shop/store-settings';
import { shopTimeZone } from '@/lib/webhooks/queries';
import { AccountsTable } from '@/components/accounts/accounts-table';
import { AddAccountForm } from '@/components/accounts/add-account-form';
import { formatInstant } from '@/components/webhooks/format-instant';
import styles from '@/components/accounts/accounts.module.css';
import { changeAccountStatus, createAccount, rotateSecret, updateAccount } from './actions';
import { apiSpecOf } from './api-spec';
import { publicBaseUrl } from './public-base-url';

const MS_PER_HOUR = 3_600_000;

export default async function AccountsPage() {
  const [locale, tenant] = await Promise.all([getLocale(), openCurrentTenant()]);
  const messages = getMessages(locale);
  const m = messages.accounts;
  if (tenant.role !== 'admin') {
    return (
      <div className={`${styles.page} ${styles.forbidden}`}>
        <h1>{m.forbiddenTitle}</h1>
        <p className="alert-error" role="alert">
          {m.forbidden}
        </p>
      </div>
    );
  }

  const [accounts, settings, baseUrl] = await Promise.all([
    listMarketplaceAccounts(getDb(env().DATABASE_URL), tenant.tenant.id),
    getStoreSettings(tenant),
    publicBaseUrl(),
  ]);
  const timeZone = shopTimeZone(settings);
  const marketplaceLabels = messages.webhooks.marketplaces;

  return (
    <div className={styles.page}>
      <div>
        <h1>{m.title}</h1>
        <p className={styles.lead}>{m.description}</p>
      </div>
      <AccountsTable
        accounts={accounts.map((a) => ({
          id: a.id,
          name: a.name,
          marketplace: a.marketplace,
          marketplaceLabel: marketplaceLabels[a.marketplace],
          authType: a.authType,
          authUsername: a.authUsername,
          apiKeyHeader: a.apiKeyHeader,
          skuMatch: a.skuMatch,
          status: a.status,
          webhookUrl: webhookUrl(baseUrl, a),
          previousSecretValidUntil: a.previousSecretValidUntil
            ? formatInstant(a.previousSecretValidUntil.toISOString(), locale, timeZone)
            : null,
          api: (() => {
            const spec = apiSpecOf(a.marketplace);
            return spec
              ? {
                  spec,
                  values: {
                    apiBaseUrl: a.apiBaseUrl,
                    apiSellerId: a.apiSellerId,
                    integrator: a.apiOptions.integrator ?? '',
                    marketplaceId: a.apiOptions.marketplaceId ?? '',
                    hasCredentials: a.hasApiCredentials,
                  },
                }
              : null;
          })(),
        }))}
        skuMatchFields={SKU_MATCH_FIELDS}
        graceHours={SECRET_ROTATION_GRACE_MS / MS_PER_HOUR}
        updateAccount={updateAccount}
        rotateSecret={rotateSecret}
        changeStatus={changeAccountStatus}
        labels={m}
      />
      <AddAccountForm
        marketplaces={MARKETPLACES.map((value) => ({
          value,
          label: marketplaceLabels[value],
          authTypes: getAdapter(value).authTypes,
          api: apiSpecOf(value),
        }))}
        skuMatchFields={SKU_MATCH_FIELDS}
        createAccount={createAccount}
        labels={m}
      />
    </div>
  );
}
