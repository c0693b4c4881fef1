/**
 * Where to go after sign-in: only a path on this site. `//host` and `/\host` are protocol-relative
 * URLs that browsers follow to another site, so they fall back to the overview.
 */
export function safeCallbackUrl(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return '/';
  if (value.startsWith('/login') || value.startsWith('/api/')) return '/';
  return value;
}
