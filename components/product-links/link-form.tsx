'use client';

import { useState } from 'react';
import { format } from '@/lib/i18n/locale';
import type { LinkProductAction, ProductsLabels } from './labels';
import { OutcomeMessage } from './outcome-message';
import { useServerAction } from '@/components/ui/use-server-action';
import styles from './product-links.module.css';

const SKU_MAX_CHARS = 128;

/** Links one product to a marketplace SKU typed by hand. */
export function LinkForm({
  accountId,
  productId,
  linkProduct,
  labels,
}: {
  accountId: number;
  productId: number;
  linkProduct: LinkProductAction;
  labels: Pick<ProductsLabels, 'link' | 'errors'>;
}) {
  const [sku, setSku] = useState('');
  const action = useServerAction(labels.errors.generic);
  return (
    <div>
      <form
        className={styles.inlineForm}
        onSubmit={(e) => {
          e.preventDefault();
          if (sku.trim() === '') return;
          action.run(
            () => linkProduct({ accountId, productId, marketplaceSku: sku }),
            (result) => format(labels.link.done, { sku: result.sku }),
            () => setSku(''),
          );
        }}
      >
        <input
          type="text"
          value={sku}
          onChange={(e) => setSku(e.target.value)}
          placeholder={labels.link.placeholder}
          aria-label={format(labels.link.label, { id: productId })}
          maxLength={SKU_MAX_CHARS}
          className={`${styles.control} ${styles.small}`}
          required
        />
        <button type="submit" className={`btn ${styles.small}`} disabled={action.pending || sku.trim() === ''}>
          {action.pending ? labels.link.working : labels.link.submit}
        </button>
      </form>
      <OutcomeMessage outcome={action.outcome} />
    </div>
  );
}
