'use client';

import { useId, useState, useTransition } from 'react';
import type { ActionResult, FieldErrors } from '@/lib/auth/tenant-action';
import type { MarketplaceName, SkuMatchField, WebhookAuthType } from '@/lib/marketplaces/names';
import { ApiFields, type ApiFieldsSpec } from './api-fields';
import { FormField } from './form-field';
import type { AccountsLabels } from './labels';
import { SecretReveal } from './secret-reveal';
import overview from '@/components/overview/overview.module.css';
import styles from './accounts.module.css';

export type MarketplaceOption = {
  value: MarketplaceName;
  label: string;
  authTypes: readonly WebhookAuthType[];
  /** The outbound API's fields; null for a marketplace we do not call (generic). */
  api: ApiFieldsSpec | null;
};
export type CreateAccountAction = (
  input: Record<string, string>,
) => Promise<ActionResult<{ account: { id: number; name: string }; secret: string }>>;

/** Every posted field is text: a File cannot come from these inputs. */
function formValues(form: HTMLFormElement): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of new FormData(form)) if (typeof value === 'string') values[name] = value;
  return values;
}

export function AddAccountForm({
  marketplaces,
  skuMatchFields,
  createAccount,
  labels,
}: {
  marketplaces: MarketplaceOption[];
  skuMatchFields: readonly SkuMatchField[];
  createAccount: CreateAccountAction;
  labels: AccountsLabels;
}) {
  const id = useId();
  const [pending, startTransition] = useTransition();
  const [marketplace, setMarketplace] = useState<MarketplaceName>(marketplaces[0]?.value ?? 'generic');
  const authTypes = marketplaces.find((m) => m.value === marketplace)?.authTypes ?? [];
  const [authType, setAuthType] = useState<WebhookAuthType | undefined>(authTypes[0]);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const f = labels.form;
  const api = marketplaces.find((m) => m.value === marketplace)?.api ?? null;
  const chosenAuth = authType && authTypes.includes(authType) ? authType : authTypes[0];

  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const values = formValues(event.currentTarget);
    startTransition(async () => {
      try {
        const result = await createAccount(values);
        if (result.ok) {
          setFieldErrors({});
          setMessage(null);
          setCreated({ name: result.account.name, secret: result.secret });
        } else {
          setFieldErrors(result.fieldErrors ?? {});
          setMessage(result.message);
        }
      } catch (err) {
        console.error('adding the account failed', err);
        setMessage(labels.errors.generic);
      }
    });
  };

  return (
    <section className={overview.panel} aria-labelledby={`${id}-title`}>
      <header className={overview.panelHeader}>
        <h2 id={`${id}-title`} className={overview.panelTitle}>
          {f.addTitle}
        </h2>
      </header>
      {created ? (
        <SecretReveal accountName={created.name} secret={created.secret} onDismiss={() => setCreated(null)} labels={labels} />
      ) : (
        <form className={styles.form} onSubmit={submit} noValidate>
          {message ? (
            <p className={`${styles.error} ${styles.formActions}`} role="alert">
              {message}
            </p>
          ) : null}
          <FormField id={`${id}-marketplace`} label={f.marketplace} errors={fieldErrors.marketplace}>
            {(aria) => (
              <select
                {...aria}
                name="marketplace"
                className={styles.control}
                value={marketplace}
                onChange={(e) => {
                  const next = marketplaces.find((m) => m.value === e.target.value);
                  if (next) setMarketplace(next.value);
                }}
              >
                {marketplaces.map((m) => (
                  <option key={m.value} value={m.value}>
                    {m.label}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField id={`${id}-name`} label={f.name} hint={f.nameHint} errors={fieldErrors.name}>
            {(aria) => <input {...aria} name="name" className={styles.control} maxLength={128} required />}
          </FormField>
          <FormField id={`${id}-auth`} label={f.authType} hint={f.authTypeHint} errors={fieldErrors.authType}>
            {(aria) => (
              <select
                {...aria}
                name="authType"
                className={styles.control}
                value={chosenAuth ?? ''}
                onChange={(e) => setAuthType(authTypes.find((a) => a === e.target.value))}
              >
                {authTypes.map((a) => (
                  <option key={a} value={a}>
                    {labels.authTypes[a]}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          {chosenAuth === 'basic' ? (
            <FormField id={`${id}-user`} label={f.authUsername} errors={fieldErrors.authUsername}>
              {(aria) => <input {...aria} name="authUsername" className={styles.control} maxLength={128} autoComplete="off" />}
            </FormField>
          ) : null}
          {chosenAuth === 'apikey' ? (
            <FormField id={`${id}-header`} label={f.apiKeyHeader} errors={fieldErrors.apiKeyHeader}>
              {(aria) => <input {...aria} name="apiKeyHeader" className={styles.control} defaultValue="x-api-key" maxLength={64} />}
            </FormField>
          ) : null}
          <FormField id={`${id}-secret`} label={f.secret} hint={f.secretHint} errors={fieldErrors.secret}>
            {(aria) => <input {...aria} name="secret" className={styles.control} autoComplete="off" spellCheck={false} />}
          </FormField>
          <FormField id={`${id}-sku`} label={f.skuMatch} hint={f.skuMatchHint} errors={fieldErrors.skuMatch}>
            {(aria) => (
              <select {...aria} name="skuMatch" className={styles.control} defaultValue="sku">
                {skuMatchFields.map((s) => (
                  <option key={s} value={s}>
                    {labels.skuMatch[s]}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          {api ? <ApiFields key={marketplace} idPrefix={id} spec={api} fieldErrors={fieldErrors} labels={labels} /> : null}
          <div className={styles.formActions}>
            <button type="submit" className="btn btn-primary" disabled={pending}>
              {pending ? f.saving : f.add}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
