'use client';

import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/auth/tenant-action';
import { format } from '@/lib/i18n/locale';
import type { MarketplaceName, SkuMatchField, WebhookAuthType } from '@/lib/marketplaces/names';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { CopyButton } from './copy-button';
import type { ApiFieldsSpec, ApiFieldValues } from './api-fields';
import { EditAccountForm, type UpdateAccountAction } from './edit-account-form';
import type { AccountsLabels } from './labels';
import { SecretReveal } from './secret-reveal';
import styles from './accounts.module.css';

export type AccountRowData = {
  id: number;
  name: string;
  marketplace: MarketplaceName;
  marketplaceLabel: string;
  authType: WebhookAuthType;
  authUsername: string;
  apiKeyHeader: string;
  skuMatch: SkuMatchField;
  status: 'active' | 'disabled';
  webhookUrl: string;
  /** Already formatted: until when the secret replaced by the last rotation still works. */
  previousSecretValidUntil: string | null;
  /** The outbound API's settings (never its credentials); null for a marketplace we do not call. */
  api: { spec: ApiFieldsSpec; values: ApiFieldValues } | null;
};

export type RotateSecretAction = (input: { accountId: number }) => Promise<ActionResult<{ secret: string }>>;
export type ChangeStatusAction = (input: {
  accountId: number;
  status: 'active' | 'disabled';
}) => Promise<ActionResult<{ status: 'active' | 'disabled' }>>;

type Pending = 'rotate' | 'status' | null;

/** One account: its webhook URL to copy, and edit, rotate and enable/disable, each asked before it happens. */
export function AccountRow({
  account,
  skuMatchFields,
  graceHours,
  updateAccount,
  rotateSecret,
  changeStatus,
  labels,
}: {
  account: AccountRowData;
  skuMatchFields: readonly SkuMatchField[];
  graceHours: number;
  updateAccount: UpdateAccountAction;
  rotateSecret: RotateSecretAction;
  changeStatus: ChangeStatusAction;
  labels: AccountsLabels;
}) {
  const [editing, setEditing] = useState(false);
  const [confirm, setConfirm] = useState<Pending>(null);
  const [pending, startTransition] = useTransition();
  const [secret, setSecret] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const nextStatus = account.status === 'active' ? 'disabled' : 'active';
  const statusTexts = nextStatus === 'disabled' ? labels.disable : labels.enable;

  const run = <T extends object>(action: () => Promise<ActionResult<T>>, onOk: (result: { ok: true } & T) => void) =>
    startTransition(async () => {
      setOutcome(null);
      try {
        const result = await action();
        setConfirm(null);
        if (result.ok) onOk(result);
        else setOutcome({ kind: 'error', text: result.message });
      } catch (err) {
        console.error('account action failed', err);
        setConfirm(null);
        setOutcome({ kind: 'error', text: labels.errors.generic });
      }
    });

  const detail =
    account.authType === 'basic'
      ? format(labels.table.basicUser, { username: account.authUsername })
      : account.authType === 'apikey'
        ? format(labels.table.apiKeyHeader, { header: account.apiKeyHeader })
        : null;

  return (
    <>
      <tr>
        <td>
          <strong>{account.name}</strong>
          <span className={styles.detail}>{account.marketplaceLabel}</span>
          {account.api ? (
            <span className={styles.detail}>{account.api.values.hasCredentials ? labels.api.stored : labels.api.missing}</span>
          ) : null}
        </td>
        <td>
          {labels.authTypes[account.authType]}
          {detail ? <span className={styles.detail}>{detail}</span> : null}
          {account.previousSecretValidUntil ? (
            <span className={styles.detail}>{format(labels.table.graceUntil, { time: account.previousSecretValidUntil })}</span>
          ) : null}
        </td>
        <td>{labels.skuMatch[account.skuMatch]}</td>
        <td>
          <span className={`${styles.badge} ${account.status === 'active' ? styles.statusActive : styles.statusDisabled}`}>
            {labels.status[account.status]}
          </span>
        </td>
        <td>
          <div className={styles.urlCell}>
            <code className={styles.url}>{account.webhookUrl}</code>
            <CopyButton
              text={account.webhookUrl}
              label={labels.copy.button}
              ariaLabel={format(labels.copy.urlLabel, { name: account.name })}
              copiedLabel={labels.copy.copied}
              failedLabel={labels.copy.failed}
            />
          </div>
        </td>
        <td>
          <div className={styles.rowActions}>
            <button
              type="button"
              className={`btn ${styles.small}`}
              aria-expanded={editing}
              aria-label={format(labels.edit.label, { name: account.name })}
              onClick={() => setEditing((e) => !e)}
            >
              {labels.edit.button}
            </button>
            <button type="button" className={`btn ${styles.small}`} disabled={pending} onClick={() => setConfirm('rotate')}>
              {labels.rotate.button}
            </button>
            <button type="button" className={`btn ${styles.small}`} disabled={pending} onClick={() => setConfirm('status')}>
              {statusTexts.button}
            </button>
          </div>
          <div role="status" aria-live="polite">
            {outcome ? <p className={outcome.kind === 'success' ? styles.success : styles.error}>{outcome.text}</p> : null}
          </div>
          <ConfirmDialog
            open={confirm === 'rotate'}
            title={format(labels.rotate.confirmTitle, { name: account.name })}
            body={format(labels.rotate.confirmBody, { hours: graceHours })}
            confirmLabel={labels.rotate.confirm}
            cancelLabel={labels.cancel}
            danger
            pending={pending}
            onConfirm={() => run(() => rotateSecret({ accountId: account.id }), (r) => setSecret(r.secret))}
            onCancel={() => setConfirm(null)}
          />
          <ConfirmDialog
            open={confirm === 'status'}
            title={format(statusTexts.confirmTitle, { name: account.name })}
            body={statusTexts.confirmBody}
            confirmLabel={statusTexts.confirm}
            cancelLabel={labels.cancel}
            danger={nextStatus === 'disabled'}
            pending={pending}
            onConfirm={() =>
              run(
                () => changeStatus({ accountId: account.id, status: nextStatus }),
                () => setOutcome({ kind: 'success', text: format(statusTexts.done, { name: account.name }) }),
              )
            }
            onCancel={() => setConfirm(null)}
          />
        </td>
      </tr>
      {editing || secret ? (
        <tr className={styles.editRow}>
          <td colSpan={6} className={styles.expanded}>
            {secret ? (
              <SecretReveal accountName={account.name} secret={secret} onDismiss={() => setSecret(null)} labels={labels} />
            ) : null}
            {editing ? (
              <EditAccountForm
                account={account}
                skuMatchFields={skuMatchFields}
                updateAccount={updateAccount}
                onDone={() => setEditing(false)}
                labels={labels}
              />
            ) : null}
          </td>
        </tr>
      ) : null}
    </>
  );
}
