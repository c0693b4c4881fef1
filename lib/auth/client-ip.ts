/**
 * The caller's address as the server that received the request saw it. `next start` appends the
 * socket peer to x-forwarded-for, so the last entry is the one a client cannot forge; behind a
 * trusted proxy that entry is the proxy, which the proxy's own X-Real-IP corrects when set.
 */
export function clientIpFromHeaders(headers: Record<string, string | string[] | undefined> | Headers): string {
  const get = (name: string): string => {
    if (headers instanceof Headers) return headers.get(name) ?? '';
    const v = headers[name];
    return Array.isArray(v) ? v.join(',') : (v ?? '');
  };
  if (process.env.TRUST_PROXY === 'true') {
    const real = get('x-real-ip').trim();
    if (real) return real;
  }
  const forwarded = get('x-forwarded-for')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return forwarded.at(-1) ?? '';
}
