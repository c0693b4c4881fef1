'use client';

import { useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { setTenant } from '@/app/actions/preferences';

export function TenantSwitcher({ current, tenants, label }: { current: string; tenants: { slug: string; name: string }[]; label: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  if (tenants.length < 2) return <span>{tenants[0]?.name}</span>;
  return (
    <select
      aria-label={label}
      value={current}
      disabled={pending}
      onChange={(e) => {
        const next = e.target.value;
        startTransition(async () => {
          await setTenant(next);
          router.refresh();
        });
      }}
    >
      {tenants.map((t) => (
        <option key={t.slug} value={t.slug}>
          {t.name}
        </option>
      ))}
    </select>
  );
}
