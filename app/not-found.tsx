import Link from 'next/link';
import { getLocale } from '@/lib/auth/session';

const TEXT = {
  en: { title: 'Page not found', body: 'There is no page at this address.', back: 'Back to the overview' },
  tr: { title: 'Sayfa bulunamadı', body: 'Bu adreste bir sayfa yok.', back: 'Genel bakışa dön' },
} as const;

export default async function NotFound() {
  const t = TEXT[await getLocale()];
  return (
    <main style={{ maxWidth: 480, margin: '15vh auto', padding: '1rem', textAlign: 'center' }}>
      <h1>{t.title}</h1>
      <p style={{ color: 'var(--muted)' }}>{t.body}</p>
      <Link href="/" className="btn">
        {t.back}
      </Link>
    </main>
  );
}
