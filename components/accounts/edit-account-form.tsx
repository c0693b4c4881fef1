'use client';

import { useId, useState, useTransition } from 'react';
import type { ActionResult, FieldErrors } from '@/lib/auth/tenant-action';
import { format } from '@/lib/i18n/locale';
import type { SkuMatchField, WebhookAuthType } from '@/lib/marketplaces/names';
import { ApiFields, type ApiFieldsSpec, type ApiFieldValues } from './api-fields';
import { FormField } from './form-field';
import type { AccountsLabels } from './labels';
import styles from './accounts.module.css';

export type UpdateAccountAction = (input: Record<string, string>) => Promise<ActionResult>;

/** What may change after an account is made (API settings included); the auth type and the secret have their own actions. */
export function EditAccountForm({
  account,
  skuMatchFields,
  updateAccount,
  onDone,
  labels,
}: {
  account: {
    id: number;
    name: string;
    authType: WebhookAuthType;
    authUsername: string;
    apiKeyHeader: string;
    skuMatch: SkuMatchField;
    api: { spec: ApiFieldsSpec; values: ApiFieldValues } | null;
  };
  skuMatchFields: readonly SkuMatchField[];
  updateAccount: UpdateAccountAction;
  onDone: () => void;
  labels: AccountsLabels;
}) {
  const id = useId();
  const [pending, startTransition] = useTransition();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const f = labels.form;

  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const values: Record<string, string> = { accountId: String(account.id) };
    for (const [name, value] of new FormData(event.currentTarget)) if (typeof value === 'string') values[name] = value;
    startTransition(async () => {
      try {
        const result = await updateAccount(values);
        if (result.ok) onDone();
        else {
          setFieldErrors(result.fieldErrors ?? {});
          setMessage(result.message);
        }
      } catch (err) {
        console.error('saving the account failed', err);
        setMessage(labels.errors.generic);
      }
    });
  };

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label={format(f.editTitle, { name: account.name })}>
      {message ? (
        <p className={`${styles.error} ${styles.formActions}`} role="alert">
          {message}
        </p>
      ) : null}
      <FormField id={`${id}-name`} label={f.name} errors={fieldErrors.name}>
        {(aria) => <input {...aria} name="name" className={styles.control} defaultValue={account.name} maxLength={128} required />}
      </FormField>
      {account.authType === 'basic' ? (
        <FormField id={`${id}-user`} label={f.authUsername} errors={fieldErrors.authUsername}>
          {(aria) => (
            <input {...aria} name="authUsername" className={styles.control} defaultValue={account.authUsername} maxLength={128} />
          )}
        </FormField>
      ) : null}
      {account.authType === 'apikey' ? (
        <FormField id={`${id}-header`} label={f.apiKeyHeader} errors={fieldErrors.apiKeyHeader}>
          {(aria) => (
            <input {...aria} name="apiKeyHeader" className={styles.control} defaultValue={account.apiKeyHeader} maxLength={64} />
          )}
        </FormField>
      ) : null}
      <FormField id={`${id}-sku`} label={f.skuMatch} hint={f.skuMatchHint} errors={fieldErrors.skuMatch}>
        {(aria) => (
          <select {...aria} name="skuMatch" className={styles.control} defaultValue={account.skuMatch}>
            {skuMatchFields.map((s) => (
              <option key={s} value={s}>
                {labels.skuMatch[s]}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {account.api ? (
        <ApiFields idPrefix={id} spec={account.api.spec} values={account.api.values} fieldErrors={fieldErrors} labels={labels} />
      ) : null}
      <div className={styles.formActions}>
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {pending ? f.saving : f.save}
        </button>
        <button type="button" className="btn" onClick={onDone} disabled={pending}>
          {f.cancel}
        </button>
      </div>
    </form>
  );
}
