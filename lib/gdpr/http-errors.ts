import { ServiceError } from '@/lib/errors/service-error';
import { PublicRateLimitError } from './public-rate-limit';

export type ErrorBody = { error: { code: string; message: string; issues?: unknown } };

/** The one error shape of the GDPR routes; rate limits carry Retry-After. */
export function errorJson(status: number, code: string, message: string, issues?: unknown, headers?: Record<string, string>): Response {
  const body: ErrorBody = { error: { code, message, ...(issues ? { issues } : {}) } };
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store', ...headers } });
}

/** A ServiceError as its status; anything else is rethrown (the route fails and the cause is logged). */
export function serviceErrorJson(err: unknown): Response {
  if (err instanceof PublicRateLimitError) {
    return errorJson(429, err.code, 'Too many requests from you. Try again later.', undefined, { 'Retry-After': String(err.retryAfterSeconds) });
  }
  if (err instanceof ServiceError) return errorJson(err.status, err.code, err.message);
  throw err;
}
