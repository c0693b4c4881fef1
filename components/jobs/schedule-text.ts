import { format } from '@/lib/i18n/locale';
import type { JobsLabels } from './labels';

const EVERY_N_MINUTES = /^\*\/(\d{1,2}) \* \* \* \*$/;

/** "Every minute", "Every 5 minutes", or the cron expression itself for other schedules. */
export function scheduleText(expression: string, labels: JobsLabels['schedule']): string {
  if (expression === '* * * * *') return labels.everyMinute;
  const minutes = EVERY_N_MINUTES.exec(expression)?.[1];
  if (minutes) return format(labels.everyMinutes, { minutes });
  return format(labels.cron, { expression });
}
