'use client';

import { useState, useTransition } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { format, type Locale } from '@/lib/i18n/locale';
import type { MonitoringLabels } from '@/lib/i18n/messages/monitoring';
import type { AlertItem } from '@/lib/monitoring/dashboard/alert-list';
import { EmptyState } from '@/components/overview/empty-state';
import overview from '@/components/overview/overview.module.css';
import { formatInstant } from '@/components/webhooks/format-instant';
import { monitoringQueryKeys } from './monitoring-query-keys';
import styles from './monitoring.module.css';

export type AcknowledgeAlertAction = (input: { alertId: number }) => Promise<{ ok: true } | { ok: false; message: string }>;

function severityLabel(labels: MonitoringLabels, severity: string) {
  return severity in labels.alerts.severity ? labels.alerts.severity[severity as keyof MonitoringLabels['alerts']['severity']] : severity;
}

export function AlertsPanel({
  open,
  acknowledged,
  acknowledge,
  showTenant,
  labels,
  locale,
  timeZone,
}: {
  open: AlertItem[];
  acknowledged: AlertItem[];
  /** Absent for users who may not acknowledge. */
  acknowledge: AcknowledgeAlertAction | undefined;
  showTenant: boolean;
  labels: MonitoringLabels;
  locale: Locale;
  timeZone: string;
}) {
  const queryClient = useQueryClient();
  const [pending, startTransition] = useTransition();
  const [busyId, setBusyId] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const onAcknowledge = (alertId: number) => {
    if (!acknowledge) return;
    setBusyId(alertId);
    setMessage(null);
    startTransition(async () => {
      const result = await acknowledge({ alertId });
      if (!result.ok) setMessage(result.message);
      await queryClient.invalidateQueries({ queryKey: monitoringQueryKeys.all });
      setBusyId(null);
    });
  };
  const meta = (a: AlertItem) =>
    [showTenant ? format(labels.alerts.shop, { tenant: a.tenant }) : null, format(labels.alerts.raised, { time: formatInstant(a.raisedAt, locale, timeZone) }), !a.active && !a.acknowledgedAt ? labels.alerts.cleared : null]
      .filter(Boolean)
      .join(' · ');

  return (
    <section className={overview.panel} aria-labelledby="alerts-title">
      <div className={overview.panelHeader}>
        <h2 id="alerts-title" className={overview.panelTitle}>
          {labels.alerts.title}
        </h2>
        <p className={overview.panelDescription}>{labels.alerts.description}</p>
      </div>
      {message ? (
        <p className={styles.error} role="alert">
          {message}
        </p>
      ) : null}
      {open.length === 0 ? (
        <EmptyState title={labels.alerts.none} hint={labels.alerts.noneHint} />
      ) : (
        <ul className={styles.alerts} aria-label={labels.alerts.title}>
          {open.map((a) => (
            <li key={a.id} className={`${styles.alert} ${styles[`alert_${a.severity}`] ?? ''}`} data-kind={a.kind}>
              <div>
                <p className={styles.alertText}>
                  <span className={styles.severity}>{severityLabel(labels, a.severity)}</span>
                  {a.message}
                </p>
                <p className={styles.alertMeta}>{meta(a)}</p>
              </div>
              {acknowledge ? (
                <button type="button" className={styles.button} disabled={pending && busyId === a.id} onClick={() => onAcknowledge(a.id)}>
                  {pending && busyId === a.id ? labels.alerts.acknowledging : labels.alerts.acknowledge}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {acknowledged.length > 0 ? (
        <>
          <h3 className={styles.subTitle}>{labels.alerts.recent}</h3>
          <ul className={styles.alerts} aria-label={labels.alerts.recent}>
            {acknowledged.map((a) => (
              <li key={a.id} className={`${styles.alert} ${styles.alertDone} ${styles[`alert_${a.severity}`] ?? ''}`}>
                <div>
                  <p className={styles.alertText}>
                    <span className={styles.severity}>{severityLabel(labels, a.severity)}</span>
                    {a.message}
                  </p>
                  <p className={styles.alertMeta}>
                    {format(labels.alerts.acknowledged, { user: a.acknowledgedBy ?? '?', time: a.acknowledgedAt ? formatInstant(a.acknowledgedAt, locale, timeZone) : '' })}
                  </p>
                </div>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
