'use client';

import { PRICE_ROUNDINGS } from '@/lib/db/schema';
import overview from '@/components/overview/overview.module.css';
import { OutcomeMessage } from '@/components/product-links/outcome-message';
import { useProductAction } from '@/components/product-links/use-product-action';
import type { PricingLabels, SaveShopRulesAction } from './labels';
import styles from './pricing.module.css';

export type ShopRuleValues = {
  marginFloorPct: string | null;
  maxStepPct: string | null;
  priceFloor: string | null;
  priceCeiling: string | null;
  rounding: string | null;
  beatCompetitorBy: string | null;
  beatCompetitorFloor: string | null;
};

const NUMBER_FIELDS = ['marginFloorPct', 'maxStepPct', 'priceFloor', 'priceCeiling', 'beatCompetitorBy', 'beatCompetitorFloor'] as const;
const ROUNDING_LABEL = { none: 'none', '0.90': 'end90', '0.99': 'end99' } as const;

/** The shop-wide rules; category and product rows override them (see lib/pricing/pricing-rules-book.ts). */
export function RulesForm({ values, save, labels }: { values: ShopRuleValues; save: SaveShopRulesAction; labels: PricingLabels }) {
  const r = labels.rules;
  const { run, pending, outcome } = useProductAction(labels.errors.generic);
  const trimmed = (v: string | null) => (v === null ? '' : String(Number(v)));
  return (
    <section className={overview.panel} aria-labelledby="pricing-rules">
      <h2 id="pricing-rules" className={overview.panelTitle}>
        {r.heading}
      </h2>
      <p className={styles.hint}>{r.hint}</p>
      <form
        className={styles.form}
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          const input: Record<string, string | null> = {};
          for (const name of NUMBER_FIELDS) input[name] = String(data.get(name) ?? '');
          const rounding = String(data.get('rounding') ?? '');
          input.rounding = rounding === '' ? null : rounding;
          run(() => save(input), () => r.saved);
        }}
      >
        <div className={styles.filters}>
          {NUMBER_FIELDS.map((name) => (
            <label key={name} className={styles.field}>
              <span className={styles.fieldLabel}>{r[name]}</span>
              <input className={styles.control} name={name} inputMode="decimal" defaultValue={trimmed(values[name])} />
            </label>
          ))}
          <label className={styles.field}>
            <span className={styles.fieldLabel}>{r.rounding}</span>
            <select className={styles.control} name="rounding" defaultValue={values.rounding ?? ''}>
              {PRICE_ROUNDINGS.map((value) => (
                <option key={value} value={value}>
                  {r.roundings[ROUNDING_LABEL[value]]}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className={styles.actions}>
          <button type="submit" className="btn" disabled={pending}>
            {r.save}
          </button>
          <OutcomeMessage outcome={outcome} />
        </div>
      </form>
    </section>
  );
}
