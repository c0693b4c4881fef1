'use client';

import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { format, type Locale } from '@/lib/i18n/locale';
import type { ActionResult } from '@/lib/auth/tenant-action';
import { backupsPageSchema, hasRunningWork, type BackupView, type BackupsPage } from '@/lib/backups/backup-view';
import { EmptyState } from '@/components/overview/empty-state';
import overview from '@/components/overview/overview.module.css';
import { formatCount } from '@/components/overview/intl-format';
import { formatInstant } from '@/components/webhooks/format-instant';
import { formatDuration } from '@/components/jobs/format-duration';
import { BACKUPS_ACTIVE_REFRESH_MS, backupsQueryKeys } from './backups-query-keys';
import { formatBytes } from './format-bytes';
import type { BackupsLabels } from './labels';
import { RestoreDialog, type RestoreRequest } from './restore-dialog';
import styles from './backups.module.css';

export type BackupActions = {
  create: (input: object) => Promise<ActionResult<{ id: number }>>;
  verify: (input: { backupId: number }) => Promise<ActionResult<{ id: number; good: boolean; reason: string | null }>>;
  /** Only for admins. */
  restore?: (input: { backupId: number } & RestoreRequest) => Promise<ActionResult<{ id: number }>>;
};

type Outcome = { kind: 'success' | 'error'; text: string } | null;

async function fetchBackupsPage(page: number): Promise<BackupsPage> {
  const response = await fetch(`/api/backups?page=${page}`, { cache: 'no-store' });
  if (!response.ok) throw new Error(`backups refresh answered ${response.status}`);
  return backupsPageSchema.parse(await response.json());
}

function Progress({ label, done, total, text }: { label: string; done: number; total: number; text: string }) {
  return (
    <div className={styles.progress}>
      <progress aria-label={label} max={Math.max(total, 1)} value={Math.min(done, Math.max(total, 1))} />
      <span className={styles.secondary}>{text}</span>
    </div>
  );
}

/**
 * The backups list, kept live while a backup or restore runs (TanStack Query re-reads app/api/backups),
 * with the buttons for a new backup, a verify, a restore (admins) and a download (admins).
 */
export function BackupsLive({
  initial,
  renderedAt,
  page,
  actions,
  canCreate,
  canRestore,
  tenantSlug,
  labels,
  locale,
  timeZone,
  pagination,
}: {
  initial: BackupsPage;
  renderedAt: number;
  page: number;
  actions: BackupActions;
  canCreate: boolean;
  canRestore: boolean;
  tenantSlug: string;
  labels: BackupsLabels;
  locale: Locale;
  timeZone: string;
  pagination: React.ReactNode;
}) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [restoring, setRestoring] = useState<number | null>(null);
  const { data } = useQuery({
    queryKey: backupsQueryKeys.page(page),
    queryFn: () => fetchBackupsPage(page),
    initialData: initial,
    initialDataUpdatedAt: renderedAt,
    // A started backup or restore has its row before the action answers, so it shows as running at once.
    refetchInterval: (q) => (q.state.data && hasRunningWork(q.state.data) ? BACKUPS_ACTIVE_REFRESH_MS : false),
  });
  const running = hasRunningWork(data);

  function act(work: () => Promise<Outcome>) {
    setOutcome(null);
    startTransition(async () => {
      try {
        setOutcome(await work());
      } catch (err) {
        console.error('backup action failed', err);
        setOutcome({ kind: 'error', text: labels.errors.generic });
      }
      await queryClient.invalidateQueries({ queryKey: backupsQueryKeys.all });
      router.refresh();
    });
  }

  const create = () =>
    act(async () => {
      const result = await actions.create({});
      return result.ok ? { kind: 'success', text: format(labels.started, { id: String(result.id) }) } : { kind: 'error', text: result.message };
    });
  const verify = (backupId: number) =>
    act(async () => {
      const result = await actions.verify({ backupId });
      if (!result.ok) return { kind: 'error', text: result.message };
      return result.good
        ? { kind: 'success', text: format(labels.verifiedGood, { id: String(backupId) }) }
        : { kind: 'error', text: format(labels.verifiedBad, { id: String(backupId), reason: result.reason ?? '' }) };
    });
  const restore = (backupId: number, request: RestoreRequest) =>
    act(async () => {
      const result = await actions.restore!({ backupId, ...request });
      setRestoring(null);
      return result.ok ? null : { kind: 'error', text: result.message };
    });

  const statusLine = (b: BackupView) => {
    const r = b.restore;
    if (!r) return null;
    const text = format(labels.restoreStatus[r.status], { database: r.targetDatabase });
    if (r.status === 'running') {
      return (
        <Progress
          label={text}
          done={r.rowsDone}
          total={r.rowsTotal}
          text={format(labels.restoreProgress, { tables: formatCount(r.tablesDone, locale), total: formatCount(r.tablesTotal, locale), rows: formatCount(r.rowsDone, locale), rowsTotal: formatCount(r.rowsTotal, locale) })}
        />
      );
    }
    return (
      <>
        <span className={r.status === 'verified' ? styles.secondary : styles.errorText}>{text}</span>
        {r.error ? <span className={styles.errorText}>{r.error}</span> : null}
      </>
    );
  };

  return (
    <>
      <div className={styles.toolbar}>
        {canCreate ? (
          <button type="button" className="btn btn-primary" onClick={create} disabled={pending}>
            {pending ? labels.creating : labels.create}
          </button>
        ) : (
          <p className={styles.hint}>{labels.emptyViewer}</p>
        )}
        {running ? <p className={styles.hint}>{format(labels.live.every, { seconds: String(BACKUPS_ACTIVE_REFRESH_MS / 1000) })}</p> : null}
      </div>
      {outcome ? (
        <p className={outcome.kind === 'success' ? styles.success : styles.error} role={outcome.kind === 'success' ? 'status' : 'alert'}>
          {outcome.text}
        </p>
      ) : null}
      <section className={overview.panel}>
        {data.items.length === 0 ? (
          <EmptyState title={labels.empty.title} hint={labels.empty.hint} />
        ) : (
          <div className={overview.tableWrap}>
            <table className={overview.table}>
              <caption className="visually-hidden">{labels.caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{labels.columns.id}</th>
                  <th scope="col">{labels.columns.time}</th>
                  <th scope="col" className={overview.numeric}>
                    {labels.columns.size}
                  </th>
                  <th scope="col" className={overview.numeric}>
                    {labels.columns.duration}
                  </th>
                  <th scope="col" className={overview.numeric}>
                    {labels.columns.rows}
                  </th>
                  <th scope="col">{labels.columns.status}</th>
                  <th scope="col">{labels.columns.actions}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((b) => (
                  <tr key={b.id} data-backup-id={b.id}>
                    <td className={overview.nowrap}>
                      #{b.id}
                      <span className={styles.secondary}>{b.requestedBy}</span>
                    </td>
                    <td className={overview.nowrap}>{formatInstant(b.startedAt, locale, timeZone, 'short')}</td>
                    <td className={`${overview.numeric} ${overview.nowrap}`}>
                      {b.hasFile ? formatBytes(b.bytes, locale) : '–'}
                      {b.encrypted ? <span className={styles.secondary}>{labels.encrypted}</span> : null}
                    </td>
                    <td className={`${overview.numeric} ${overview.nowrap}`}>{b.durationMs === null ? '–' : formatDuration(b.durationMs, locale)}</td>
                    <td className={`${overview.numeric} ${overview.nowrap}`}>
                      {formatCount(b.rowsDone, locale)}
                      <span className={styles.secondary}>{format(labels.tables, { count: formatCount(b.tablesDone, locale) })}</span>
                    </td>
                    <td>
                      <span className={`${styles.badge} ${styles[`badge_${b.status}`]}`}>{labels.status[b.status]}</span>
                      {b.status === 'running' ? (
                        <Progress
                          label={labels.status.running}
                          done={b.tablesDone}
                          total={b.tablesTotal}
                          text={format(labels.progress, { tables: formatCount(b.tablesDone, locale), total: formatCount(b.tablesTotal, locale), rows: formatCount(b.rowsDone, locale) })}
                        />
                      ) : null}
                      {b.error ? <span className={styles.errorText}>{b.error}</span> : null}
                      {statusLine(b)}
                    </td>
                    <td>
                      {b.hasFile ? (
                        <div className={styles.actions}>
                          {canCreate ? (
                            <button type="button" className="btn" onClick={() => verify(b.id)} disabled={pending}>
                              {labels.verify}
                            </button>
                          ) : null}
                          {canRestore && actions.restore && b.status !== 'bad' ? (
                            <button type="button" className="btn" onClick={() => setRestoring(b.id)} disabled={pending || b.restore?.status === 'running'}>
                              {labels.restore}
                            </button>
                          ) : null}
                          {canRestore ? (
                            <a className="btn" href={`/api/backups/${b.id}/download`} download>
                              {labels.download}
                            </a>
                          ) : null}
                        </div>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {pagination}
      </section>
      {canRestore && actions.restore ? (
        <RestoreDialog
          backupId={restoring}
          tenantSlug={tenantSlug}
          suggestedDatabase={`${tenantSlug.replace(/[^A-Za-z0-9_]/g, '_')}_restore_${restoring ?? ''}`}
          pending={pending}
          labels={labels.restoreDialog}
          onSubmit={(request) => restoring !== null && restore(restoring, request)}
          onClose={() => setRestoring(null)}
        />
      ) : null}
    </>
  );
}
