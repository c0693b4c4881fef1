import type { Locale } from '@/lib/i18n/locale';
import type { JobInfo } from '@/lib/jobs/job-infos';
import type { JobRunView } from '@/lib/jobs/queries/job-run-view';
import { formatInstant } from '@/components/webhooks/format-instant';
import overview from '@/components/overview/overview.module.css';
import { formatDuration } from './format-duration';
import { JobStatusBadge } from './job-status-badge';
import type { JobsLabels } from './labels';
import { RunCounts } from './run-counts';
import styles from './jobs.module.css';

export function RunHistoryTable({
  runs,
  jobs,
  labels,
  locale,
  timeZone,
}: {
  runs: JobRunView[];
  jobs: JobInfo[];
  labels: JobsLabels;
  locale: Locale;
  timeZone: string;
}) {
  const byName = new Map(jobs.map((j) => [j.name, j]));
  const h = labels.history;
  return (
    <div className={overview.tableWrap}>
      <table className={overview.table}>
        <caption className="visually-hidden">{h.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{h.run}</th>
            <th scope="col">{h.job}</th>
            <th scope="col">{h.started}</th>
            <th scope="col" className={overview.hideOnPhone}>
              {h.trigger}
            </th>
            <th scope="col">{h.status}</th>
            <th scope="col" className={overview.numeric}>
              {h.duration}
            </th>
            <th scope="col">{h.counts}</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => {
            const job = byName.get(run.job);
            return (
              <tr key={run.id}>
                <td className={overview.nowrap}>#{run.id}</td>
                <td>{job?.title ?? run.job}</td>
                <td className={overview.nowrap}>{formatInstant(run.startedAt, locale, timeZone, 'short')}</td>
                <td className={overview.hideOnPhone}>
                  {labels.trigger[run.trigger]}
                  {run.trigger === 'manual' ? <span className={overview.secondary}>{run.requestedBy}</span> : null}
                </td>
                <td>
                  <JobStatusBadge status={run.status} label={labels.status[run.status]} />
                  {run.more ? <span className={overview.secondary}>{h.more}</span> : null}
                  {run.error && run.status !== 'skipped' ? (
                    <span className={styles.errorText} title={run.error}>
                      {run.error}
                    </span>
                  ) : null}
                </td>
                <td className={overview.numeric}>{run.durationMs === null ? '—' : formatDuration(run.durationMs, locale)}</td>
                <td>
                  <RunCounts counts={run.counts} labels={job?.countLabels ?? {}} empty="—" locale={locale} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
