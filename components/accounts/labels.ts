import type { Messages } from '@/lib/i18n';

export type AccountsLabels = Messages['accounts'];
