import type { Metadata } from 'next';
import { getLocale } from '@/lib/auth/session';
import './globals.css';

export const metadata: Metadata = {
  title: 'MesChain Sync',
  description: 'Marketplace sync and operations for your OpenCart shop',
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body>{children}</body>
    </html>
  );
}
