import type { Messages } from '@/lib/i18n';
import type { WebhookEventStatus } from '@/lib/db/schema';

export type WebhooksLabels = Messages['webhooks'];

/** The statuses a replay can move back into the queue; pending events are already there, done ones finished. */
export const REPLAYABLE_STATUSES: readonly WebhookEventStatus[] = ['failed', 'dead'];
