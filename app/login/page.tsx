import { redirect } from 'next/navigation';
import { getLocale, getSessionUser } from '@/lib/auth/session';
import { getMessages } from '@/lib/i18n';
import { safeCallbackUrl } from '@/lib/auth/safe-callback-url';
import { LoginForm } from '@/components/auth/login-form';
import { LanguageSwitcher } from '@/components/layout/language-switcher';
import styles from '@/components/auth/login.module.css';

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (await getSessionUser()) redirect('/');
  const [locale, params] = await Promise.all([getLocale(), searchParams]);
  const m = getMessages(locale);
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  return (
    <main className={styles.page}>
      <div className={styles.card}>
        <div className={styles.header}>
          <span className={styles.brand}>{m.common.appName}</span>
          <LanguageSwitcher locale={locale} label={m.common.language} names={m.common.languageNames} />
        </div>
        <h1>{m.auth.title}</h1>
        <p className={styles.subtitle}>{m.auth.subtitle}</p>
        <LoginForm labels={m.auth} callbackUrl={callbackUrl} />
      </div>
    </main>
  );
}
