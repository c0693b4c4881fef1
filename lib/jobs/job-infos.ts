import type { Locale } from '@/lib/i18n/locale';
import { JOBS } from './registry';

/** What the jobs page shows about a job itself, in one language: plain values for client components. */
export type JobInfo = {
  name: string;
  title: string;
  /** Cron expression, UTC. */
  schedule: string;
  /** Names for the keys of the job's counts; a key without one is shown as it is. */
  countLabels: Record<string, string>;
};

export function describeJobs(locale: Locale): JobInfo[] {
  return JOBS.map(({ definition, schedule }) => ({
    name: definition.name,
    title: definition.title[locale],
    schedule,
    countLabels: Object.fromEntries(Object.entries(definition.countLabels ?? {}).map(([key, label]) => [key, label[locale]])),
  }));
}
