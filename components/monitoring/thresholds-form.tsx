'use client';

import { useId, useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { format } from '@/lib/i18n/locale';
import type { MonitoringLabels } from '@/lib/i18n/messages/monitoring';
import type { ActionResult, FieldErrors } from '@/lib/auth/tenant-action';
import type { AlertThresholdName, AlertThresholds } from '@/lib/alerts/thresholds';
import overview from '@/components/overview/overview.module.css';
import styles from './monitoring.module.css';

export type SetThresholdsAction = (input: Record<AlertThresholdName, string>) => Promise<ActionResult>;

/** An admin's form for the shop's alert thresholds: every value at once, each with its range and default. */
export function ThresholdsForm({
  values,
  defaults,
  bounds,
  save,
  labels,
}: {
  values: AlertThresholds;
  defaults: AlertThresholds;
  bounds: Record<AlertThresholdName, { min: number; max: number }>;
  save: SetThresholdsAction;
  labels: MonitoringLabels['thresholds'];
}) {
  const id = useId();
  const router = useRouter();
  const names = Object.keys(defaults) as AlertThresholdName[];
  const [draft, setDraft] = useState(() => Object.fromEntries(names.map((n) => [n, String(values[n])])) as Record<AlertThresholdName, string>);
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string; fields?: FieldErrors } | null>(null);

  return (
    <section className={overview.panel} aria-labelledby={`${id}-title`}>
      <div className={overview.panelHeader}>
        <h2 id={`${id}-title`} className={overview.panelTitle}>
          {labels.title}
        </h2>
        <p className={overview.panelDescription}>{labels.description}</p>
      </div>
      <form
        className={styles.thresholds}
        onSubmit={(event) => {
          event.preventDefault();
          startTransition(async () => {
            try {
              const result = await save(draft);
              setOutcome(result.ok ? { ok: true, text: labels.saved } : { ok: false, text: result.message, fields: result.fieldErrors });
              if (result.ok) router.refresh();
            } catch (err) {
              console.error('saving the alert thresholds failed', err);
              setOutcome({ ok: false, text: labels.errors.generic });
            }
          });
        }}
      >
        {names.map((name) => {
          const field = labels.fields[name];
          const error = outcome?.fields?.[name]?.[0];
          return (
            <div key={name} className={styles.threshold}>
              <label htmlFor={`${id}-${name}`}>
                {field.label} <span className={styles.unit}>({field.unit})</span>
              </label>
              <input
                id={`${id}-${name}`}
                name={name}
                type="number"
                inputMode="numeric"
                min={bounds[name].min}
                max={bounds[name].max}
                step={1}
                required
                value={draft[name]}
                onChange={(e) => setDraft((d) => ({ ...d, [name]: e.target.value }))}
                aria-invalid={error ? true : undefined}
                aria-describedby={`${id}-${name}-help`}
              />
              <p id={`${id}-${name}-help`} className={error ? styles.error : styles.resolution}>
                {error ?? `${field.help} ${format(labels.defaultValue, { value: defaults[name] })}`}
              </p>
            </div>
          );
        })}
        <div className={styles.thresholdActions}>
          <button type="submit" className={styles.button} disabled={pending}>
            {pending ? labels.saving : labels.save}
          </button>
          {outcome ? (
            <p role={outcome.ok ? 'status' : 'alert'} className={outcome.ok ? styles.updated : styles.error}>
              {outcome.text}
            </p>
          ) : null}
        </div>
      </form>
    </section>
  );
}
