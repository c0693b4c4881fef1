/** Headers whose values are, or may be, credentials: kept by name only. */
const SECRET_HEADER_PATTERN = /auth|secret|signature|token|key|password|cookie|session|credential/i;
const REDACTED = '[redacted]';
const MAX_STORED_HEADERS = 50;
const MAX_HEADER_VALUE_CHARS = 512;

/**
 * The headers kept with a delivery for support and replay: everything a sender sent, except that
 * credentials (Authorization, API keys, signatures, the account's own key header) keep only their name.
 */
export function headersToStore(headers: Record<string, string>, accountKeyHeader: string): Record<string, string> {
  const keyHeader = accountKeyHeader.toLowerCase();
  const stored: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers).slice(0, MAX_STORED_HEADERS)) {
    const secret = name === keyHeader || SECRET_HEADER_PATTERN.test(name);
    stored[name] = secret ? REDACTED : value.slice(0, MAX_HEADER_VALUE_CHARS);
  }
  return stored;
}
