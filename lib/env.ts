import { z } from 'zod';

export const DEFAULT_DATABASE_URL = 'mysql://root@127.0.0.1:3306/meschain_demo';

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^mysql:\/\//, 'DATABASE_URL must start with mysql://')
    .default(DEFAULT_DATABASE_URL),
  OPENCART_DB_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_]{0,32}$/, 'OPENCART_DB_PREFIX may hold letters, digits and _ only')
    .default('oc_'),
  AUTH_SECRET: z.string().min(16, 'AUTH_SECRET must be at least 16 characters').optional(),
  CRON_SECRET: z.string().min(16, 'CRON_SECRET must be at least 16 characters').optional(),
  APP_ENCRYPTION_KEY: z.string().optional(),
  /** Apply due events right after each ingest and replay; `false` leaves them to the cron/system worker. */
  WEBHOOK_APPLY_AFTER_INGEST: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  /** `off` skips the per-tenant quota checks (an escape hatch, and the bench's baseline); counting resumes when back `on`. */
  QUOTA_ENFORCEMENT: z.enum(['on', 'off']).default('on'),
  /** Bearer token a Prometheus scraper sends to GET /api/metrics; unset, the endpoint refuses every scrape. */
  METRICS_TOKEN: z.string().min(16, 'METRICS_TOKEN must be at least 16 characters').optional(),
  /** Optional: new alerts are POSTed here as JSON, signed like Standard Webhooks with ALERT_WEBHOOK_SECRET. */
  ALERT_WEBHOOK_URL: z.string().url('ALERT_WEBHOOK_URL must be a URL').regex(/^https?:\/\//, 'ALERT_WEBHOOK_URL must be http(s)').optional(),
  /** `whsec_` + base64 (Standard Webhooks secret format); required with ALERT_WEBHOOK_URL. */
  ALERT_WEBHOOK_SECRET: z.string().regex(/^whsec_[A-Za-z0-9+/=]{16,}$/, 'ALERT_WEBHOOK_SECRET must be whsec_ followed by base64').optional(),
  /** /api/health fails when the oldest due webhook event has waited longer than this (seconds). */
  HEALTH_MAX_LAG_SECONDS: z.coerce.number().int().min(1).default(300),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** Environment variables, parsed once; a bad value stops start-up with every problem named. */
export function env(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  cached = parsed.data;
  return cached;
}
