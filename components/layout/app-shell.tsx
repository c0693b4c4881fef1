import { format, type Locale, type Messages } from '@/lib/i18n';
import type { TenantRole } from '@/lib/db/schema';
import { LanguageSwitcher } from './language-switcher';
import { NavLink } from './nav-link';
import { SignOutButton } from './sign-out-button';
import { TenantSwitcher } from './tenant-switcher';
import { chooseTenantAction } from '@/app/(dashboard)/tenants/actions';
import styles from './app-shell.module.css';

/** Only pages that work are listed; later features add themselves here. `roles` hides a page from the others. */
const NAV_ITEMS: ReadonlyArray<{ href: string; label: (m: Messages) => string; roles?: readonly TenantRole[] }> = [
  { href: '/', label: (m) => m.common.nav.overview },
  { href: '/webhooks', label: (m) => m.webhooks.nav },
  { href: '/products', label: (m) => m.products.nav },
  { href: '/pricing', label: (m) => m.pricing.nav },
  { href: '/accounts', label: (m) => m.accounts.nav, roles: ['admin'] },
  { href: '/jobs', label: (m) => m.jobs.nav },
  { href: '/monitoring', label: (m) => m.monitoring.nav },
  { href: '/usage', label: (m) => m.usage.nav },
  { href: '/backups', label: (m) => m.backups.nav },
  { href: '/gdpr', label: (m) => m.gdpr.nav },
  { href: '/tenants', label: (m) => m.tenants.nav, roles: ['admin'] },
];

export function AppShell({
  locale,
  messages,
  userName,
  role,
  tenant,
  tenants,
  children,
}: {
  locale: Locale;
  messages: Messages;
  userName: string;
  role: TenantRole;
  tenant: string;
  tenants: { slug: string; name: string }[];
  children: React.ReactNode;
}) {
  const c = messages.common;
  return (
    <div className={styles.shell}>
      <header className={styles.topbar}>
        <div className={styles.left}>
          <span className={styles.brand}>{c.appName}</span>
          <nav className={styles.nav} aria-label="Main">
            {NAV_ITEMS.filter((item) => !item.roles || item.roles.includes(role)).map((item) => (
              <NavLink key={item.href} href={item.href} className={styles.navLink}>
                {item.label(messages)}
              </NavLink>
            ))}
          </nav>
        </div>
        <div className={styles.right}>
          <TenantSwitcher
            current={tenant}
            tenants={tenants}
            label={c.shop}
            chooseTenant={chooseTenantAction}
            failedText={messages.tenants.switcher.failed}
          />
          <span className={styles.user}>
            {format(c.signedInAs, { name: userName })} · {c.role[role]}
          </span>
          <LanguageSwitcher locale={locale} label={c.language} names={c.languageNames} />
          <SignOutButton label={c.signOut} />
        </div>
      </header>
      <main className={styles.main}>{children}</main>
    </div>
  );
}
