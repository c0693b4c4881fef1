import { getServerSession } from 'next-auth';
import { authOptions } from '@/lib/auth/next-auth-options';
import { getLocale, openCurrentTenant, requireSessionUser } from '@/lib/auth/session';
import { getMessages } from '@/lib/i18n';
import { AppShell } from '@/components/layout/app-shell';
import { Providers } from '@/app/providers';

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await requireSessionUser();
  const [locale, session, tenant] = await Promise.all([getLocale(), getServerSession(authOptions), openCurrentTenant()]);
  return (
    <AppShell
      locale={locale}
      messages={getMessages(locale)}
      userName={session?.user.name || user.username}
      role={tenant.role}
      tenant={tenant.tenant.slug}
      tenants={tenant.available.map((t) => ({ slug: t.slug, name: t.name }))}
    >
      <Providers>{children}</Providers>
    </AppShell>
  );
}
