export { createMarketplaceAccount } from './create-marketplace-account';
export { updateMarketplaceAccount } from './update-marketplace-account';
export { rotateAccountSecret } from './rotate-account-secret';
export { setAccountStatus } from './set-account-status';
export { listMarketplaceAccounts } from './list-marketplace-accounts';
export { getAccountForWebhook, type WebhookAccount } from './get-account-for-webhook';
export { webhookUrl } from './webhook-url';
export { getAccountForApi, type ApiAccount } from './get-account-for-api';
export {
  API_CREDENTIAL_FIELDS,
  API_MARKETPLACES,
  API_SETTING_FIELDS,
  isApiMarketplace,
  type ApiCredentials,
  type ApiMarketplace,
  type ApiOptions,
} from './api-credentials';
export type { PublicAccount } from './public-account';
export type { AccountWriteContext } from './write-context';
export {
  accountSettingsSchema,
  accountStatusSchema,
  apiKeyHeaderSchema,
  authUsernameSchema,
  createAccountSchema,
  updateAccountSchema,
  type AccountSettings,
  type AccountStatus,
  type CreateAccountInput,
  type UpdateAccountInput,
} from './schema';
export { SECRET_ROTATION_GRACE_MS, type AccountSecrets } from './account-secrets';
