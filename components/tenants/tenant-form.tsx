'use client';

import { useId, useRef, useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { format } from '@/lib/i18n/locale';
import type { FieldErrors } from '@/lib/auth/tenant-action';
import type { PublicTenant } from '@/lib/tenants/public-tenant';
import { FormField } from '@/components/accounts/form-field';
import overview from '@/components/overview/overview.module.css';
import styles from '@/components/accounts/accounts.module.css';
import own from './tenants.module.css';
import type { TenantsLabels } from './labels';
import type { CreateTenantAction, TestConnectionAction, UpdateTenantAction } from './tenant-actions';
import { TestConnectionButton } from './test-connection-button';

/** Every posted field is text: a File cannot come from these inputs. */
function formValues(form: HTMLFormElement): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of new FormData(form)) if (typeof value === 'string') values[name] = value;
  return values;
}

type DatabaseChoice = 'keep' | 'main' | 'url';

/**
 * Adds a shop, or edits one. The database URL box is a password box and starts empty: a stored URL is
 * never sent back to the browser, only its hint; editing keeps it unless another is chosen.
 */
export function TenantForm({
  mode,
  tenant,
  isDefault,
  createTenant,
  updateTenant,
  testConnection,
  labels,
}: {
  mode: 'create' | 'edit';
  tenant?: PublicTenant;
  /** The main shop keeps its slug and the main database. */
  isDefault?: boolean;
  createTenant?: CreateTenantAction;
  updateTenant?: UpdateTenantAction;
  testConnection: TestConnectionAction;
  labels: TenantsLabels;
}) {
  const id = useId();
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [pending, startTransition] = useTransition();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [choice, setChoice] = useState<DatabaseChoice>(mode === 'create' ? 'url' : 'keep');
  const f = labels.form;
  const title = mode === 'create' ? f.addTitle : format(f.editTitle, { name: tenant?.name ?? '' });
  const currentDatabase = tenant ? (tenant.usesMainDatabase ? labels.table.mainDatabase : tenant.databaseHint) : '';

  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const values = formValues(event.currentTarget);
    const form = event.currentTarget;
    startTransition(async () => {
      try {
        const result =
          mode === 'create'
            ? await createTenant!(values)
            : await updateTenant!({ ...values, tenantId: String(tenant!.id), databaseChoice: choice });
        if (result.ok) {
          setFieldErrors({});
          setMessage({ ok: true, text: mode === 'create' ? format(f.added, { name: values.name ?? '' }) : f.saved });
          if (mode === 'create') form.reset();
          router.refresh();
        } else {
          setFieldErrors(result.fieldErrors ?? {});
          setMessage({ ok: false, text: result.message });
        }
      } catch (err) {
        console.error('saving the shop failed', err);
        setMessage({ ok: false, text: labels.errors.generic });
      }
    });
  };

  const draft = () => {
    const values = formRef.current ? formValues(formRef.current) : {};
    return { databaseUrl: values.databaseUrl ?? '', tablePrefix: values.tablePrefix ?? '' };
  };

  return (
    <section className={overview.panel} aria-labelledby={`${id}-title`}>
      <header className={overview.panelHeader}>
        <h2 id={`${id}-title`} className={overview.panelTitle}>
          {title}
        </h2>
        {mode === 'create' ? <p className={overview.panelDescription}>{f.addDescription}</p> : null}
      </header>
      <form ref={formRef} className={styles.form} onSubmit={submit} noValidate>
        <FormField id={`${id}-name`} label={f.name} errors={fieldErrors.name}>
          {(aria) => <input {...aria} name="name" className={styles.control} defaultValue={tenant?.name} maxLength={128} required />}
        </FormField>
        <FormField id={`${id}-slug`} label={f.slug} hint={f.slugHint} errors={fieldErrors.slug}>
          {(aria) => <input {...aria} name="slug" className={styles.control} defaultValue={tenant?.slug} maxLength={64} readOnly={isDefault} required />}
        </FormField>
        {mode === 'edit' && !isDefault ? (
          <fieldset className={styles.apiFieldset}>
            <legend>{f.database}</legend>
            {(
              [
                ['keep', format(f.databaseKeep, { current: currentDatabase })],
                ['main', f.databaseMain],
                ['url', f.databaseNew],
              ] as const
            ).map(([value, text]) => (
              <label key={value} className={styles.hint} style={{ display: 'flex', gap: '0.4rem', alignItems: 'center', color: 'inherit' }}>
                <input type="radio" name="databaseChoiceShown" value={value} checked={choice === value} onChange={() => setChoice(value)} />
                {text}
              </label>
            ))}
          </fieldset>
        ) : null}
        {(mode === 'create' || choice === 'url') && !isDefault ? (
          <div className={own.wrapHint}>
            <FormField id={`${id}-url`} label={f.databaseUrl} hint={f.databaseUrlHint} errors={fieldErrors.databaseUrl}>
              {(aria) => <input {...aria} name="databaseUrl" type="password" autoComplete="off" className={styles.control} placeholder="mysql://" />}
            </FormField>
          </div>
        ) : null}
        <FormField id={`${id}-prefix`} label={f.prefix} hint={f.prefixHint} errors={fieldErrors.tablePrefix}>
          {(aria) => <input {...aria} name="tablePrefix" className={styles.control} defaultValue={tenant?.tablePrefix ?? 'oc_'} maxLength={32} />}
        </FormField>
        <FormField id={`${id}-store`} label={f.storeId} hint={f.storeIdHint} errors={fieldErrors.storeId}>
          {(aria) => <input {...aria} name="storeId" type="number" min={0} step={1} className={styles.control} defaultValue={tenant?.storeId ?? 0} />}
        </FormField>
        <FormField id={`${id}-tz`} label={f.timezone} hint={f.timezoneHint} errors={fieldErrors.timezone}>
          {(aria) => <input {...aria} name="timezone" className={styles.control} defaultValue={tenant?.timezone ?? 'UTC'} maxLength={64} />}
        </FormField>
        <div className={styles.formActions}>
          <button type="submit" className="btn btn-primary" disabled={pending}>
            {pending ? f.saving : mode === 'create' ? f.add : f.save}
          </button>
          {mode === 'create' ? (
            <TestConnectionButton target={draft} prefix={() => draft().tablePrefix} testConnection={testConnection} labels={labels} />
          ) : null}
        </div>
        {message ? (
          <p role={message.ok ? 'status' : 'alert'} className={`${styles.formActions} ${message.ok ? styles.success : styles.error}`}>
            {message.text}
          </p>
        ) : null}
      </form>
    </section>
  );
}
