import type { Locale } from '@/lib/i18n/locale';
import type { JobInfo } from '@/lib/jobs/job-infos';
import type { JobRunView } from '@/lib/jobs/queries/job-run-view';
import { formatInstant } from '@/components/webhooks/format-instant';
import { formatDuration } from './format-duration';
import { JobStatusBadge } from './job-status-badge';
import type { JobsLabels } from './labels';
import { RunCounts } from './run-counts';
import { RunNowButton } from './run-now-button';
import { scheduleText } from './schedule-text';
import type { RunJobNowAction } from './use-run-now';
import styles from './jobs.module.css';

/** One card per job: its schedule, its latest run (status, when, how long, what it did) and "run now". */
export function JobCards({
  jobs,
  latest,
  runJobNow,
  onPendingChange,
  labels,
  locale,
  timeZone,
}: {
  jobs: JobInfo[];
  latest: Record<string, JobRunView | null>;
  /** Absent for users who may not start jobs. */
  runJobNow: RunJobNowAction | undefined;
  onPendingChange: (job: string, pending: boolean) => void;
  labels: JobsLabels;
  locale: Locale;
  timeZone: string;
}) {
  return (
    <ul className={styles.cards}>
      {jobs.map((job) => {
        const run = latest[job.name] ?? null;
        return (
          <li key={job.name} className={styles.card} aria-labelledby={`job-${job.name}`}>
            <div className={styles.cardHeader}>
              <div>
                <h2 id={`job-${job.name}`} className={styles.cardTitle}>
                  {job.title}
                </h2>
                <p className={styles.cardMeta}>
                  <code>{job.name}</code> · {scheduleText(job.schedule, labels.schedule)}
                </p>
              </div>
              {run ? <JobStatusBadge status={run.status} label={labels.status[run.status]} /> : null}
            </div>
            {run ? (
              <dl className={styles.facts}>
                <dt>{labels.card.started}</dt>
                <dd>{formatInstant(run.startedAt, locale, timeZone)}</dd>
                <dt>{labels.card.duration}</dt>
                <dd>{run.durationMs === null ? (run.status === 'running' ? labels.card.runningFor : '—') : formatDuration(run.durationMs, locale)}</dd>
                <dt>{labels.history.counts}</dt>
                <dd>
                  <RunCounts counts={run.counts} labels={job.countLabels} empty={labels.card.noCounts} locale={locale} />
                </dd>
              </dl>
            ) : (
              <div className={styles.never}>
                <p className={styles.neverTitle}>{labels.card.never}</p>
                <p className={styles.muted}>{labels.card.neverHint}</p>
              </div>
            )}
            {run?.more ? <p className={styles.hint}>{labels.card.more}</p> : null}
            {run?.status === 'abandoned' ? <p className={styles.hint}>{labels.card.abandoned}</p> : null}
            {run?.status === 'failed' && run.error ? (
              <p className={styles.errorText} title={run.error}>
                {run.error}
              </p>
            ) : null}
            {runJobNow ? (
              <RunNowButton job={job.name} jobTitle={job.title} runJobNow={runJobNow} onPendingChange={onPendingChange} labels={labels} locale={locale} />
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
