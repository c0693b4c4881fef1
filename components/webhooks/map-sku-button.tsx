'use client';

import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { format, type Locale } from '@/lib/i18n/locale';
import type { ActionResult } from '@/lib/auth/tenant-action';
import { ActionOutcomeMessage } from './action-outcome';
import type { WebhooksLabels } from './labels';
import { ReplayButton } from './replay-button';
import type { ActionOutcome, ReplayAction } from './use-replay';
import styles from './webhooks.module.css';

export type MapSkuAction = (input: { eventId: number; productId: number }) => Promise<ActionResult<{ sku: string; productId: number }>>;

/** Maps the event's unknown SKU to one product, then offers to replay the event. */
export function MapSkuButton({
  eventId,
  productId,
  sku,
  mapSku,
  replay,
  labels,
  locale,
}: {
  eventId: number;
  productId: number;
  sku: string;
  mapSku: MapSkuAction;
  replay: ReplayAction;
  labels: Pick<WebhooksLabels, 'mapSku' | 'replay' | 'errors'>;
  locale: Locale;
}) {
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<ActionOutcome>(null);
  const [mapped, setMapped] = useState(false);
  const router = useRouter();

  const map = () =>
    startTransition(async () => {
      try {
        const result = await mapSku({ eventId, productId });
        if (result.ok) {
          setMapped(true);
          setOutcome({ kind: 'success', text: format(labels.mapSku.mapped, { sku: result.sku, productId: result.productId }) });
          router.refresh();
        } else {
          setOutcome({ kind: 'error', text: result.message });
        }
      } catch (err) {
        console.error('mapping the SKU failed', err);
        setOutcome({ kind: 'error', text: labels.errors.generic });
      }
    });

  return (
    <div className={styles.actionsRow}>
      {mapped ? null : (
        <button
          type="button"
          className={`btn ${styles.small}`}
          disabled={pending}
          aria-label={format(labels.mapSku.chooseLabel, { sku, productId })}
          onClick={map}
        >
          {pending ? labels.mapSku.working : labels.mapSku.choose}
        </button>
      )}
      <ActionOutcomeMessage outcome={outcome} />
      {mapped ? <ReplayButton eventId={eventId} replay={replay} primary label={labels.mapSku.replayNow} labels={labels} locale={locale} /> : null}
    </div>
  );
}
