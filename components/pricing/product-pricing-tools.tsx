'use client';

import { useState } from 'react';
import { OutcomeMessage } from '@/components/product-links/outcome-message';
import { useServerAction } from '@/components/ui/use-server-action';
import type { ComputeProductAction, PricingLabels, SetProductCostAction } from './labels';
import styles from './pricing.module.css';

/** Recomputes one product's suggestion now, as the job would. */
export function ComputeButton({ productId, compute, labels }: { productId: number; compute: ComputeProductAction; labels: PricingLabels }) {
  const { run, pending, outcome } = useServerAction(labels.errors.generic);
  return (
    <div className={styles.actions}>
      <button type="button" className="btn" disabled={pending} onClick={() => run(() => compute({ productId }), () => labels.detail.computed)}>
        {labels.detail.computeNow}
      </button>
      <OutcomeMessage outcome={outcome} />
    </div>
  );
}

export function CostForm({ productId, cost, save, labels }: { productId: number; cost: string | null; save: SetProductCostAction; labels: PricingLabels }) {
  const c = labels.cost;
  const [value, setValue] = useState(cost === null ? '' : String(Number(cost)));
  const { run, pending, outcome } = useServerAction(labels.errors.generic);
  return (
    <form
      className={styles.form}
      onSubmit={(e) => {
        e.preventDefault();
        run(() => save({ productId, cost: value }), () => c.saved);
      }}
    >
      <div className={styles.formRow}>
        <label className={styles.field}>
          <span className={styles.fieldLabel}>{c.label}</span>
          <input className={styles.control} inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} required />
        </label>
        <button type="submit" className="btn" disabled={pending}>
          {c.save}
        </button>
      </div>
      <p className={styles.hint}>{c.hint}</p>
      <OutcomeMessage outcome={outcome} />
    </form>
  );
}
