import { MARKETPLACES } from '@/lib/marketplaces/names';
import { appMetrics, statusClass } from './registry';

type Handler<C> = (request: Request, context: C) => Promise<Response>;
const UNKNOWN = 'unknown';

async function timed<C>(handler: Handler<C>, request: Request, context: C, record: (status: number, seconds: number) => void) {
  const started = performance.now();
  try {
    const response = await handler(request, context);
    record(response.status, (performance.now() - started) / 1000);
    return response;
  } catch (err) {
    record(500, (performance.now() - started) / 1000);
    throw err;
  }
}

/** Counts and times a webhook route's answers. The marketplace label is one of ours or `unknown`: never a path the sender chose. */
export function observeWebhookRoute<C extends { params: Promise<{ marketplace: string }> }>(handler: Handler<C>): Handler<C> {
  return (request, context) =>
    timed(handler, request, context, (status, seconds) => {
      void context.params.then(({ marketplace }) => {
        const labels = { marketplace: (MARKETPLACES as readonly string[]).includes(marketplace) ? marketplace : UNKNOWN, status_class: statusClass(status) };
        const m = appMetrics();
        m.webhookRequests.inc(labels);
        m.webhookSeconds.observe(labels, seconds);
      });
    });
}

/** Counts and times a cron route's answers; the job label is a registered job's name or `unknown`. */
export function observeCronRoute<C extends { params: Promise<{ job: string }> }>(handler: Handler<C>, jobNames: readonly string[]): Handler<C> {
  return (request, context) =>
    timed(handler, request, context, (status, seconds) => {
      void context.params.then(({ job }) => {
        const labels = { job: jobNames.includes(job) ? job : UNKNOWN, status_class: statusClass(status) };
        const m = appMetrics();
        m.cronRequests.inc(labels);
        m.cronSeconds.observe(labels, seconds);
      });
    });
}
