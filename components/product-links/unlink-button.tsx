'use client';

import { useState } from 'react';
import { format } from '@/lib/i18n/locale';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import type { ProductsLabels, UnlinkProductAction } from './labels';
import { OutcomeMessage } from './outcome-message';
import { useServerAction } from '@/components/ui/use-server-action';
import styles from './product-links.module.css';

/** Removes one link after a confirmation: it stops the listing's stock and price updates. */
export function UnlinkButton({
  linkId,
  sku,
  unlinkProduct,
  labels,
}: {
  linkId: number;
  sku: string;
  unlinkProduct: UnlinkProductAction;
  labels: Pick<ProductsLabels, 'unlink' | 'errors'>;
}) {
  const [confirming, setConfirming] = useState(false);
  const action = useServerAction(labels.errors.generic);
  const t = labels.unlink;
  return (
    <div>
      <button
        type="button"
        className={`btn ${styles.small} ${styles.danger}`}
        aria-label={format(t.label, { sku })}
        disabled={action.pending}
        onClick={() => setConfirming(true)}
      >
        {t.button}
      </button>
      <OutcomeMessage outcome={action.outcome} />
      <ConfirmDialog
        open={confirming}
        title={format(t.confirmTitle, { sku })}
        body={t.confirmBody}
        confirmLabel={t.confirm}
        cancelLabel={t.cancel}
        danger
        pending={action.pending}
        onConfirm={() => {
          setConfirming(false);
          action.run(() => unlinkProduct({ linkId }), (result) => format(t.done, { sku: result.sku }));
        }}
        onCancel={() => setConfirming(false)}
      />
    </div>
  );
}
