'use client';

import { PRICE_ROUNDINGS } from '@/lib/db/schema';
import overview from '@/components/overview/overview.module.css';
import { OutcomeMessage } from '@/components/product-links/outcome-message';
import { useServerAction } from '@/components/ui/use-server-action';
import type { PricingRuleScope } from '@/lib/db/schema';
import type { RuleFormValues } from '@/lib/pricing/rule-form-values';
import type { PricingLabels, SavePricingRuleAction } from './labels';
import styles from './pricing.module.css';


const NUMBER_FIELDS = ['marginFloorPct', 'maxStepPct', 'priceFloor', 'priceCeiling', 'beatCompetitorBy', 'beatCompetitorFloor'] as const;
const ROUNDING_LABEL = { none: 'none', '0.90': 'end90', '0.99': 'end99' } as const;

/** One rule row: the shop's, or a category's or product's override (empty fields inherit; lib/pricing/pricing-rules-book.ts). */
export function RulesForm({
  scope,
  scopeId,
  heading,
  hint,
  values,
  save,
  labels,
}: {
  scope: PricingRuleScope;
  scopeId: number;
  heading: string;
  hint: string;
  values: RuleFormValues;
  save: SavePricingRuleAction;
  labels: PricingLabels;
}) {
  const r = labels.rules;
  const headingId = `pricing-rules-${scope}`;
  const { run, pending, outcome } = useServerAction(labels.errors.generic);
  const trimmed = (v: string | null) => (v === null ? '' : String(Number(v)));
  return (
    <section className={overview.panel} aria-labelledby={headingId}>
      <h2 id={headingId} className={overview.panelTitle}>
        {heading}
      </h2>
      <p className={styles.hint}>{hint}</p>
      <form
        className={styles.form}
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          const input: Record<string, string | number | null> = { scope, scopeId };
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
              {scope === 'shop' ? null : <option value="">{r.inherit}</option>}
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
