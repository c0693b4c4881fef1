import type { FieldErrors } from '@/lib/auth/tenant-action';
import { format } from '@/lib/i18n/locale';
import type { ApiCredentialName } from '@/lib/marketplace-accounts/api-fields';
import { FormField } from './form-field';
import type { AccountsLabels } from './labels';
import styles from './accounts.module.css';

/** What a marketplace's API asks for, decided by the server page (lib/marketplace-accounts/api-fields.ts). */
export type ApiFieldsSpec = {
  sellerId: boolean;
  integrator: boolean;
  marketplaceId: boolean;
  credentials: readonly ApiCredentialName[];
  /** The production host shown in the base URL hint. */
  defaultUrl: string;
};

export type ApiFieldValues = { apiBaseUrl: string; apiSellerId: string; integrator: string; marketplaceId: string; hasCredentials: boolean };

/**
 * The outbound API settings of an account: base URL, seller id and options where the marketplace
 * uses them, and its credentials as password boxes (never pre-filled: a stored credential is not
 * sent to the page). Posted as apiBaseUrl, apiSellerId, apiIntegrator, apiMarketplaceId, cred_<name>.
 */
export function ApiFields({
  idPrefix,
  spec,
  values,
  fieldErrors,
  labels,
}: {
  idPrefix: string;
  spec: ApiFieldsSpec;
  /** The stored values when editing; absent when adding. */
  values?: ApiFieldValues;
  fieldErrors: FieldErrors;
  labels: AccountsLabels;
}) {
  const a = labels.api;
  const editing = values !== undefined;
  return (
    <fieldset className={styles.apiFieldset}>
      <legend>{a.title}</legend>
      <p className={styles.apiLead}>{a.description}</p>
      <FormField id={`${idPrefix}-api-url`} label={a.baseUrl} hint={format(a.baseUrlHint, { url: spec.defaultUrl })} errors={fieldErrors.apiBaseUrl}>
        {(aria) => (
          <input {...aria} name="apiBaseUrl" type="url" className={styles.control} defaultValue={values?.apiBaseUrl ?? ''} maxLength={255} placeholder={spec.defaultUrl} />
        )}
      </FormField>
      {spec.sellerId ? (
        <FormField id={`${idPrefix}-api-seller`} label={a.sellerId} errors={fieldErrors.apiSellerId}>
          {(aria) => <input {...aria} name="apiSellerId" className={styles.control} defaultValue={values?.apiSellerId ?? ''} maxLength={64} autoComplete="off" />}
        </FormField>
      ) : null}
      {spec.integrator ? (
        <FormField id={`${idPrefix}-api-integrator`} label={a.integrator} hint={a.integratorHint} errors={fieldErrors.apiOptions}>
          {(aria) => <input {...aria} name="apiIntegrator" className={styles.control} defaultValue={values?.integrator ?? ''} maxLength={30} autoComplete="off" />}
        </FormField>
      ) : null}
      {spec.marketplaceId ? (
        <FormField id={`${idPrefix}-api-marketplace`} label={a.marketplaceId} hint={a.marketplaceIdHint} errors={fieldErrors.apiOptions}>
          {(aria) => <input {...aria} name="apiMarketplaceId" className={styles.control} defaultValue={values?.marketplaceId ?? ''} maxLength={32} autoComplete="off" />}
        </FormField>
      ) : null}
      <p className={styles.apiLead}>
        <strong>{a.credentials}</strong>
        {editing ? ` — ${values.hasCredentials ? a.stored : a.missing}. ${a.credentialsKeepHint}` : ` — ${a.credentialsHint}`}
      </p>
      {spec.credentials.map((name, index) => (
        <FormField
          key={name}
          id={`${idPrefix}-cred-${name}`}
          label={a.fields[name]}
          errors={index === spec.credentials.length - 1 ? fieldErrors.apiCredentials : undefined}
        >
          {(aria) => <input {...aria} name={`cred_${name}`} type="password" className={styles.control} autoComplete="new-password" spellCheck={false} />}
        </FormField>
      ))}
    </fieldset>
  );
}
