/** application/json and any `+json` type (application/cloudevents+json, …), with or without parameters. */
const JSON_CONTENT_TYPE = /^application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i;

/**
 * A declared Content-Type must be JSON; a missing one is tolerated because some marketplaces omit
 * it, and the body must then parse as JSON anyway.
 */
export function acceptsContentType(contentType: string | undefined): boolean {
  return contentType === undefined || contentType.trim() === '' || JSON_CONTENT_TYPE.test(contentType);
}

export type JsonBody = { ok: true; value: unknown } | { ok: false };

/** The body parsed as JSON; it stays `unknown` until the adapter's zod schema has read it. */
export function parseJsonBody(rawBody: string): JsonBody {
  try {
    const value: unknown = JSON.parse(rawBody);
    return { ok: true, value };
  } catch (err) {
    if (err instanceof SyntaxError) return { ok: false };
    throw err;
  }
}
