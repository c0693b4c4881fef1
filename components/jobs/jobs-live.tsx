'use client';

import { useCallback, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Locale } from '@/lib/i18n/locale';
import type { JobInfo } from '@/lib/jobs/job-infos';
import type { JobsOverview } from '@/lib/jobs/queries/get-jobs-overview';
import { EmptyState } from '@/components/overview/empty-state';
import overview from '@/components/overview/overview.module.css';
import { LiveStatus } from '@/components/ui/live-status';
import { DurationChart } from './duration-chart';
import { JobCards } from './job-cards';
import { JobFilterTabs } from './job-filter-tabs';
import { fetchJobsOverview } from './jobs-overview-response';
import { jobsQueryKeys } from './jobs-query-keys';
import type { JobsLabels } from './labels';
import { JOBS_ACTIVE_REFRESH_MS, JOBS_REFRESH_MS } from './live-refresh';
import { RunHistoryTable } from './run-history-table';
import { Pagination } from '@/components/ui/pagination';
import type { RunJobNowAction } from './use-run-now';
import styles from './jobs.module.css';


/**
 * The jobs page, kept live: it starts from the server's data and re-reads it from app/api/admin/jobs
 * every JOBS_REFRESH_MS while the tab is visible (TanStack Query does not poll hidden tabs), and every
 * JOBS_ACTIVE_REFRESH_MS while a run is in progress, so its counts can be watched.
 */
export function JobsLive({
  jobs,
  initial,
  renderedAt,
  query,
  selectedJob,
  runsPerJob,
  runJobNow,
  labels,
  locale,
  timeZone,
}: {
  jobs: JobInfo[];
  initial: JobsOverview;
  /** When the server read `initial` (ms since the epoch). */
  renderedAt: number;
  /** The page's job filter and page number as a query string. */
  query: string;
  selectedJob: string | undefined;
  runsPerJob: number;
  /** Only for users who may start jobs. */
  runJobNow: RunJobNowAction | undefined;
  labels: JobsLabels;
  locale: Locale;
  timeZone: string;
}) {
  const [startedHere, setStartedHere] = useState<ReadonlySet<string>>(new Set());
  const onPendingChange = useCallback((job: string, pending: boolean) => {
    setStartedHere((prev) => {
      if (prev.has(job) === pending) return prev;
      const next = new Set(prev);
      if (pending) next.add(job);
      else next.delete(job);
      return next;
    });
  }, []);
  const { data, dataUpdatedAt, isRefetchError } = useQuery({
    queryKey: jobsQueryKeys.overview(query),
    queryFn: () => fetchJobsOverview(query),
    initialData: initial,
    initialDataUpdatedAt: renderedAt,
    refetchInterval: (q) => {
      const running = Object.values(q.state.data?.latest ?? {}).some((run) => run?.status === 'running');
      return running || startedHere.size > 0 ? JOBS_ACTIVE_REFRESH_MS : JOBS_REFRESH_MS;
    },
  });

  const hrefFor = (changes: { job?: string | undefined; page?: number }) => {
    const params = new URLSearchParams(query);
    params.delete('page');
    if ('job' in changes) {
      if (changes.job) params.set('job', changes.job);
      else params.delete('job');
    }
    if (changes.page && changes.page > 1) params.set('page', String(changes.page));
    const search = params.toString();
    return search ? `/jobs?${search}` : '/jobs';
  };
  const titles = Object.fromEntries(jobs.map((j) => [j.name, j.title]));

  return (
    <>
      <LiveStatus updatedAt={dataUpdatedAt} refreshMs={JOBS_REFRESH_MS} failed={isRefetchError} labels={labels.live} locale={locale} timeZone={timeZone} />
      <JobCards
        jobs={jobs}
        latest={data.latest}
        runJobNow={runJobNow}
        onPendingChange={onPendingChange}
        labels={labels}
        locale={locale}
        timeZone={timeZone}
      />
      <DurationChart series={data.durations} titles={titles} runsPerJob={runsPerJob} labels={labels.chart} locale={locale} timeZone={timeZone} />
      <section className={overview.panel} aria-labelledby="job-history-title">
        <div className={overview.panelHeader}>
          <h2 id="job-history-title" className={overview.panelTitle}>
            {labels.history.title}
          </h2>
          <p className={overview.panelDescription}>{labels.history.description}</p>
        </div>
        <JobFilterTabs jobs={jobs} current={selectedJob} hrefFor={(job) => hrefFor({ job })} labels={labels.history} />
        {data.history.runs.length === 0 ? (
          <EmptyState
            title={selectedJob ? labels.history.emptyFiltered : labels.history.empty}
            hint={selectedJob ? labels.history.emptyFilteredHint : labels.history.emptyHint}
          />
        ) : (
          <RunHistoryTable runs={data.history.runs} jobs={jobs} labels={labels} locale={locale} timeZone={timeZone} />
        )}
        <Pagination
          page={data.history.page}
          pageCount={data.history.pageCount}
          total={data.history.total}
          hrefFor={(page) => hrefFor({ page })}
          labels={labels.pagination}
          locale={locale}
        />
      </section>
    </>
  );
}
