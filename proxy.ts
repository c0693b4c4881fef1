import { NextResponse, type NextRequest } from 'next/server';
import { getToken } from 'next-auth/jwt';

/** Reached without a session: marketplaces, schedulers, probes, the metrics scraper (bearer token) and the sign-in flow itself. */
const PUBLIC_PREFIXES = ['/login', '/api/auth/', '/api/webhooks/', '/api/cron/', '/api/health', '/api/metrics', '/privacy/', '/api/privacy/'];

function isPublic(pathname: string) {
  return PUBLIC_PREFIXES.some((p) => pathname === p.replace(/\/$/, '') || pathname.startsWith(p));
}

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (isPublic(pathname)) return NextResponse.next();
  const token = await getToken({ req: request, secret: process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET });
  if (token) return NextResponse.next();
  if (pathname.startsWith('/api/')) {
    return NextResponse.json({ error: { code: 'UNAUTHORIZED', message: 'Sign in first.' } }, { status: 401 });
  }
  const login = new URL('/login', request.url);
  if (pathname !== '/') login.searchParams.set('callbackUrl', pathname + search);
  return NextResponse.redirect(login);
}

export const config = {
  // Everything but Next's own assets, files in public/ and the webhook endpoints (public by design,
  // and the hottest path: they skip the proxy entirely).
  matcher: ['/((?!_next/static|_next/image|api/webhooks/|favicon.ico|.*\\.(?:png|svg|ico|txt)$).*)'],
};
