'use client';

import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { WebhookEventStatus } from '@/lib/db/schema';
import { format, type Locale } from '@/lib/i18n/locale';
import type { WebhookEventList } from '@/lib/webhooks/queries/get-webhook-event-list';
import { EmptyState } from '@/components/overview/empty-state';
import { ActionOutcomeMessage } from './action-outcome';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { fetchWebhookEventList } from './event-list-response';
import { Pagination } from '@/components/ui/pagination';
import { EventsTable } from './events-table';
import { formatClock } from './format-instant';
import { LIVE_REFRESH_MS } from './live-refresh';
import { REPLAYABLE_STATUSES, type WebhooksLabels } from './labels';
import { StatusTabs } from './status-tabs';
import { useReplay, type ReplayAction } from './use-replay';
import { webhookQueryKeys } from './webhook-query-keys';
import overview from '@/components/overview/overview.module.css';
import styles from './webhooks.module.css';

const MS_PER_SECOND = 1_000;

/**
 * The events list, kept live: it starts from the server's rows and re-reads the same filters from
 * app/api/admin/webhook-events every LIVE_REFRESH_MS.
 */
export function WebhookEventsLive({
  initial,
  renderedAt,
  query,
  status,
  filtered,
  replay,
  canReplay,
  labels,
  locale,
  timeZone,
}: {
  initial: WebhookEventList;
  /** When the server read `initial` (ms since the epoch). */
  renderedAt: number;
  /** The page's filters, status and page number as a query string. */
  query: string;
  status: WebhookEventStatus | undefined;
  /** Whether filters other than the status narrow the list (the empty state says so). */
  filtered: boolean;
  replay: ReplayAction;
  /** Operators and admins; for viewers the selection and replay controls are not shown. */
  canReplay: boolean;
  labels: WebhooksLabels;
  locale: Locale;
  timeZone: string;
}) {
  const { data, dataUpdatedAt, isRefetchError } = useQuery({
    queryKey: webhookQueryKeys.eventList(query),
    queryFn: () => fetchWebhookEventList(query),
    initialData: initial,
    initialDataUpdatedAt: renderedAt,
    refetchInterval: LIVE_REFRESH_MS,
  });
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const replays = useReplay(replay, labels, locale);

  const hrefFor = (changes: { status?: WebhookEventStatus | undefined; page?: number }) => {
    const params = new URLSearchParams(query);
    params.delete('page');
    if ('status' in changes) {
      if (changes.status) params.set('status', changes.status);
      else params.delete('status');
    }
    if (changes.page && changes.page > 1) params.set('page', String(changes.page));
    const search = params.toString();
    return search ? `/webhooks?${search}` : '/webhooks';
  };

  // A selected event may have moved on (retried, replayed elsewhere) since it was ticked.
  const replayableIds = new Set(data.events.filter((e) => REPLAYABLE_STATUSES.includes(e.status)).map((e) => e.id));
  const chosen = [...selected].filter((id) => replayableIds.has(id));
  const clearSelection = () => setSelected(new Set());
  const replayChosen = () => {
    setConfirming(false);
    replays.run(chosen, clearSelection);
  };

  return (
    <section className={overview.panel} aria-label={labels.title}>
      <StatusTabs current={status} counts={data.counts} hrefFor={(s) => hrefFor({ status: s })} labels={labels.tabs} locale={locale} />
      <div className={styles.toolbar}>
        <div className={styles.toolbarLeft}>
          {canReplay ? (
            <button
              type="button"
              className="btn btn-primary"
              disabled={chosen.length === 0 || replays.pending}
              onClick={() => (chosen.length > 1 ? setConfirming(true) : replayChosen())}
            >
              {replays.pending ? labels.replay.working : format(labels.replay.selected, { count: chosen.length })}
            </button>
          ) : null}
          <ActionOutcomeMessage outcome={replays.outcome} />
        </div>
        <p className={styles.updated} aria-live="off" title={format(labels.live.every, { seconds: LIVE_REFRESH_MS / MS_PER_SECOND })}>
          {isRefetchError ? `${labels.live.failed} · ` : ''}
          {format(labels.live.updated, { time: formatClock(dataUpdatedAt, locale, timeZone) })}
        </p>
      </div>
      {data.events.length === 0 ? (
        <EmptyState
          title={filtered || status ? labels.table.emptyFiltered : labels.table.empty}
          hint={filtered || status ? labels.table.emptyFilteredHint : labels.table.emptyHint}
        />
      ) : (
        <EventsTable
          events={data.events}
          selected={selected}
          onToggle={
            canReplay
              ? (id) =>
                  setSelected((prev) => {
                    const next = new Set(prev);
                    if (!next.delete(id)) next.add(id);
                    return next;
                  })
              : undefined
          }
          onTogglePage={
            canReplay
              ? (select) =>
                  setSelected(new Set(select ? replayableIds : []))
              : undefined
          }
          onReplay={canReplay ? (id) => replays.run([id]) : undefined}
          replaying={replays.pending}
          labels={labels}
          locale={locale}
          timeZone={timeZone}
        />
      )}
      <Pagination
        page={data.page}
        pageCount={data.pageCount}
        total={data.total}
        hrefFor={(page) => hrefFor({ page })}
        labels={labels.pagination}
        locale={locale}
      />
      <ConfirmDialog
        open={confirming}
        title={format(labels.replay.confirmTitle, { count: chosen.length })}
        body={labels.replay.confirmBody}
        confirmLabel={labels.replay.confirm}
        cancelLabel={labels.replay.cancel}
        pending={replays.pending}
        onConfirm={replayChosen}
        onCancel={() => setConfirming(false)}
      />
    </section>
  );
}
