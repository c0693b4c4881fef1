export { getJobsOverview, type JobsOverview } from './get-jobs-overview';
export { listJobRuns, JOB_RUNS_PAGE_SIZE, type JobRunPage } from './list-job-runs';
export { latestJobRuns } from './latest-job-runs';
export { jobDurationSeries, DURATION_CHART_RUNS, type DurationSeries, type DurationPoint } from './job-duration-series';
export { toJobRunView, type JobRunView } from './job-run-view';
export { jobsPageQuerySchema, readJobsPageQuery, jobsPageQueryToString, MAX_JOB_RUN_PAGE, type JobsPageQuery, type JobsPageQueryName } from './jobs-page-query';
