import type { Messages } from '@/lib/i18n';

export type JobsLabels = Messages['jobs'];
