'use client';

import { format, type Locale } from '@/lib/i18n/locale';
import { formatInstant } from '@/components/webhooks/format-instant';
import overview from '@/components/overview/overview.module.css';
import type { GdprAction, GdprLabels } from './labels';
import { OutcomeMessage } from './outcome-message';
import { useServerAction } from '@/components/ui/use-server-action';
import styles from './gdpr.module.css';

export type ExportView = { id: number; bytes: number; rowCount: number; tableCount: number; createdAt: string; expiresAt: string; available: boolean };

function size(bytes: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'tr' ? 'tr-TR' : 'en-GB', { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 1 }).format(bytes / 1024);
}

/** Creates an export (admins) and lists the earlier ones with their download links until they expire. */
export function ExportPanel({
  requestId,
  exports,
  create,
  canCreate,
  blocked,
  labels,
  locale,
  timeZone,
}: {
  requestId: number;
  exports: ExportView[];
  create: GdprAction<{ id: number }, { rows: number }> | null;
  canCreate: boolean;
  blocked: string | null;
  labels: GdprLabels;
  locale: Locale;
  timeZone: string;
}) {
  const t = labels.exports;
  const action = useServerAction(labels.errors.generic);
  return (
    <section className={overview.panel} aria-labelledby="gdpr-export">
      <h2 id="gdpr-export" className={`${overview.panelTitle} ${overview.panelHeader}`}>
        {t.title}
      </h2>
      <p className={styles.hint}>{t.description}</p>
      {exports.length === 0 ? <p>{t.none}</p> : null}
      <ul>
        {exports.map((x) => (
          <li key={x.id}>
            {formatInstant(x.createdAt, locale, timeZone, 'short')} · {format(t.rows, { rows: x.rowCount, tables: x.tableCount, size: size(x.bytes, locale) })} ·{' '}
            {x.available ? (
              <>
                <a href={`/api/gdpr/exports/${x.id}`} download>
                  {t.download}
                </a>{' '}
                ({format(t.expires, { date: formatInstant(x.expiresAt, locale, timeZone, 'short') })})
              </>
            ) : (
              t.deleted
            )}
          </li>
        ))}
      </ul>
      {canCreate && create ? (
        <div className={styles.actions}>
          <button
            type="button"
            className="btn btn-primary"
            disabled={action.pending || blocked !== null}
            onClick={() => action.run(() => create({ id: requestId }), (r) => format(t.created, { rows: r.rows }))}
          >
            {action.pending ? t.working : t.create}
          </button>
          {blocked ? <span className={styles.hint}>{blocked}</span> : null}
        </div>
      ) : null}
      <OutcomeMessage outcome={action.outcome} />
    </section>
  );
}
