import { DrizzleQueryError } from 'drizzle-orm';

const MAX_ERROR_CHARS = 2_000;
const MAX_CAUSES = 3;

function messageOf(e: unknown): string {
  // Drizzle's message repeats the statement's parameters, which may be a shop's data: keep the SQL only.
  if (e instanceof DrizzleQueryError) return `Failed query: ${e.query}`;
  return e instanceof Error ? e.message : String(e);
}

/**
 * What a failed run stores: the messages of the error and its causes, never the stack or a query's
 * parameters. It is shown on the jobs page (the route's answer carries none of it).
 */
export function describeFailure(err: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = err; e !== undefined && parts.length < MAX_CAUSES; e = e instanceof Error ? e.cause : undefined) {
    parts.push(messageOf(e));
  }
  return parts.join(' — caused by: ').slice(0, MAX_ERROR_CHARS);
}
