import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { env } from '@/lib/env';
import { getDb } from '@/lib/db/pool';
import { writeAudit } from '@/lib/audit/write-audit';
import { authenticateAdmin } from './authenticate-admin';
import { clientIpFromHeaders } from './client-ip';

const SESSION_MAX_AGE_S = 8 * 60 * 60;

const credentialsSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

/** Error strings the login form turns into translated messages. */
export const LOGIN_ERROR = { invalid: 'invalid', locked: 'locked' } as const;

// Without NEXTAUTH_URL, next-auth v4 derives its own URL from the request only when told to trust it.
process.env.AUTH_TRUST_HOST ??= process.env.NEXTAUTH_URL ? undefined : 'true';

export const authOptions: NextAuthOptions = {
  secret: env().AUTH_SECRET ?? process.env.NEXTAUTH_SECRET,
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: '/login', error: '/login' },
  providers: [
    CredentialsProvider({
      name: 'OpenCart',
      credentials: {
        username: { label: 'Username', type: 'text' },
        password: { label: 'Password', type: 'password' },
      },
      async authorize(credentials, req) {
        const parsed = credentialsSchema.safeParse(credentials ?? {});
        if (!parsed.success) throw new Error(LOGIN_ERROR.invalid);
        const headers = (req?.headers ?? {}) as Record<string, string | string[] | undefined>;
        const { DATABASE_URL, OPENCART_DB_PREFIX } = env();
        const result = await authenticateAdmin(getDb(DATABASE_URL), OPENCART_DB_PREFIX, {
          ...parsed.data,
          ip: clientIpFromHeaders(headers),
          userAgent: String(headers['user-agent'] ?? ''),
        });
        if (!result.ok) {
          throw new Error(
            result.reason === 'locked' ? `${LOGIN_ERROR.locked}:${result.retryAfterSeconds}` : LOGIN_ERROR.invalid,
          );
        }
        const u = result.user;
        return { id: String(u.id), name: u.name, email: u.email, username: u.username, isAdministrator: u.isAdministrator };
      },
    }),
  ],
  events: {
    async signOut({ token }) {
      if (!token?.username) return;
      await writeAudit(getDb(env().DATABASE_URL), {
        action: 'auth.logout',
        actor: { userId: token.userId ?? null, username: token.username },
      });
    },
  },
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.userId = Number(user.id);
        token.username = user.username;
        token.isAdministrator = user.isAdministrator;
      }
      return token;
    },
    session({ session, token }) {
      session.user = {
        ...session.user,
        id: token.userId,
        username: token.username,
        isAdministrator: token.isAdministrator,
      };
      return session;
    },
  },
};
