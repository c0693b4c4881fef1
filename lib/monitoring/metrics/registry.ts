import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Seconds; request latency buckets for the webhook and cron routes (cron runs last up to a minute). */
const REQUEST_SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

type AppMetrics = {
  registry: Registry;
  webhookRequests: Counter<'marketplace' | 'status_class'>;
  webhookSeconds: Histogram<'marketplace' | 'status_class'>;
  cronRequests: Counter<'job' | 'status_class'>;
  cronSeconds: Histogram<'job' | 'status_class'>;
  defaultsStarted: boolean;
  businessRegistered: boolean;
};

// Next can bundle server code twice (route handlers, instrumentation): one registry per process, on globalThis.
const KEY = Symbol.for('meschain.metrics');
const holder = globalThis as typeof globalThis & { [KEY]?: AppMetrics };

export function appMetrics(): AppMetrics {
  if (holder[KEY]) return holder[KEY];
  const registry = new Registry();
  const metrics: AppMetrics = {
    registry,
    webhookRequests: new Counter({ name: 'msc_webhook_requests_total', help: 'Webhook pushes answered, by marketplace and HTTP status class.', labelNames: ['marketplace', 'status_class'], registers: [registry] }),
    webhookSeconds: new Histogram({ name: 'msc_webhook_request_duration_seconds', help: 'Time to answer a webhook push.', labelNames: ['marketplace', 'status_class'], buckets: REQUEST_SECONDS_BUCKETS, registers: [registry] }),
    cronRequests: new Counter({ name: 'msc_cron_requests_total', help: 'Cron route calls answered, by job and HTTP status class.', labelNames: ['job', 'status_class'], registers: [registry] }),
    cronSeconds: new Histogram({ name: 'msc_cron_request_duration_seconds', help: 'Time to answer a cron route call (the job runs inside it).', labelNames: ['job', 'status_class'], buckets: REQUEST_SECONDS_BUCKETS, registers: [registry] }),
    defaultsStarted: false,
    businessRegistered: false,
  };
  holder[KEY] = metrics;
  return metrics;
}

/** Process metrics (CPU, memory, event loop lag), started once from instrumentation.ts. */
export function startDefaultMetrics() {
  const m = appMetrics();
  if (m.defaultsStarted) return;
  collectDefaultMetrics({ register: m.registry, prefix: 'msc_process_' });
  m.defaultsStarted = true;
}

export const statusClass = (status: number) => `${Math.floor(status / 100)}xx`;
