'use client';

import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { format } from '@/lib/i18n/locale';
import type { TenantStatus } from '@/lib/db/schema';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import styles from '@/components/accounts/accounts.module.css';
import type { TenantsLabels } from './labels';
import type { SetTenantStatusAction } from './tenant-actions';

/** Disable or enable a shop, after a confirmation saying what that does. */
export function TenantStatusButton({
  tenantId,
  name,
  status,
  setStatus,
  labels,
}: {
  tenantId: number;
  name: string;
  status: TenantStatus;
  setStatus: SetTenantStatusAction;
  labels: TenantsLabels;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const next: TenantStatus = status === 'active' ? 'disabled' : 'active';
  const t = next === 'disabled' ? labels.disable : labels.enable;
  return (
    <>
      <button type="button" className={`btn ${styles.small}`} aria-label={format(t.label, { name })} onClick={() => setOpen(true)} disabled={pending}>
        {t.button}
      </button>
      <ConfirmDialog
        open={open}
        title={format(t.confirmTitle, { name })}
        body={t.confirmBody}
        confirmLabel={t.confirm}
        cancelLabel={labels.cancel}
        danger={next === 'disabled'}
        pending={pending}
        onCancel={() => setOpen(false)}
        onConfirm={() =>
          startTransition(async () => {
            try {
              const result = await setStatus({ tenantId, status: next });
              setMessage(result.ok ? { ok: true, text: format(t.done, { name }) } : { ok: false, text: result.message });
              if (result.ok) router.refresh();
            } catch (err) {
              console.error('changing the shop status failed', err);
              setMessage({ ok: false, text: labels.errors.generic });
            } finally {
              setOpen(false);
            }
          })
        }
      />
      {message ? (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? styles.hint : styles.fieldError}>
          {message.text}
        </p>
      ) : null}
    </>
  );
}
