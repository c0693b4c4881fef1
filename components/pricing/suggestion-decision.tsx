'use client';

import { useState } from 'react';
import { format, type Locale } from '@/lib/i18n/locale';
import { formatMoney } from '@/components/overview/intl-format';
import { OutcomeMessage } from '@/components/product-links/outcome-message';
import { useServerAction } from '@/components/ui/use-server-action';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import type { AcceptSuggestionAction, PricingLabels, RejectSuggestionAction } from './labels';
import styles from './pricing.module.css';

/** Accept (as suggested or edited, as the base price or a dated special) or reject, each after a confirmation. */
export function SuggestionDecision({
  productId,
  suggestedGross,
  currency,
  defaultStart,
  defaultEnd,
  accept,
  reject,
  labels,
  locale,
}: {
  productId: number;
  suggestedGross: string;
  currency: string;
  defaultStart: string;
  defaultEnd: string;
  accept: AcceptSuggestionAction;
  reject: RejectSuggestionAction;
  labels: PricingLabels;
  locale: Locale;
}) {
  const d = labels.detail;
  const [price, setPrice] = useState(Number(suggestedGross).toFixed(2));
  const [as, setAs] = useState<'price' | 'special'>('price');
  const [start, setStart] = useState(defaultStart);
  const [end, setEnd] = useState(defaultEnd);
  const [confirm, setConfirm] = useState<'accept' | 'reject' | null>(null);
  const { run, pending, outcome } = useServerAction(labels.errors.generic);
  const priceValue = Number(price.replace(',', '.'));
  const validPrice = Number.isFinite(priceValue) && priceValue > 0;
  const money = (n: number) => formatMoney(n, currency, locale);

  return (
    <div className={styles.form}>
      <div className={styles.formRow}>
        <label className={styles.field}>
          <span className={styles.fieldLabel}>{d.editPrice}</span>
          <input className={styles.control} inputMode="decimal" value={price} onChange={(e) => setPrice(e.target.value)} aria-invalid={!validPrice} />
        </label>
        <fieldset className={styles.field} style={{ border: 'none', padding: 0 }}>
          <legend className={styles.fieldLabel}>{d.acceptAs}</legend>
          <label>
            <input type="radio" name="as" checked={as === 'price'} onChange={() => setAs('price')} /> {d.asPrice}
          </label>
          <label>
            <input type="radio" name="as" checked={as === 'special'} onChange={() => setAs('special')} /> {d.asSpecial}
          </label>
        </fieldset>
        {as === 'special' ? (
          <>
            <label className={styles.field}>
              <span className={styles.fieldLabel}>{d.specialStart}</span>
              <input className={styles.control} type="date" value={start} onChange={(e) => setStart(e.target.value)} />
            </label>
            <label className={styles.field}>
              <span className={styles.fieldLabel}>{d.specialEnd}</span>
              <input className={styles.control} type="date" value={end} min={start} onChange={(e) => setEnd(e.target.value)} />
            </label>
          </>
        ) : null}
      </div>
      <div className={styles.actions}>
        <button type="button" className="btn btn-primary" disabled={!validPrice || pending} onClick={() => setConfirm('accept')}>
          {d.accept}
        </button>
        <button type="button" className="btn" disabled={pending} onClick={() => setConfirm('reject')}>
          {d.reject}
        </button>
        <OutcomeMessage outcome={outcome} />
      </div>
      <ConfirmDialog
        open={confirm === 'accept'}
        title={format(d.acceptTitle, { price: validPrice ? money(priceValue) : price })}
        body={as === 'special' ? format(d.acceptSpecialBody, { start, end }) : d.acceptBody}
        confirmLabel={d.accept}
        cancelLabel={d.cancel}
        pending={pending}
        onCancel={() => setConfirm(null)}
        onConfirm={() => {
          setConfirm(null);
          const edited = priceValue.toFixed(2) !== Number(suggestedGross).toFixed(2);
          run(
            () =>
              accept({
                productId,
                as,
                ...(edited ? { priceGross: Number(priceValue.toFixed(2)) } : {}),
                ...(as === 'special' ? { specialStart: start, specialEnd: end } : {}),
              }),
            () => format(d.accepted, { price: money(priceValue) }),
          );
        }}
      />
      <ConfirmDialog
        open={confirm === 'reject'}
        title={d.rejectTitle}
        body={d.rejectBody}
        confirmLabel={d.reject}
        cancelLabel={d.cancel}
        danger
        pending={pending}
        onCancel={() => setConfirm(null)}
        onConfirm={() => {
          setConfirm(null);
          run(() => reject({ productId }), () => d.rejected);
        }}
      />
    </div>
  );
}
