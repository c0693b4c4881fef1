'use client';

import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import type { ActionResult } from '@/lib/auth/tenant-action';

export type ChooseTenantAction = (slug: unknown) => Promise<ActionResult>;

/** The header's shop switcher; the choice is remembered for the user on the server (every device). */
export function TenantSwitcher({
  current,
  tenants,
  label,
  chooseTenant,
  failedText,
}: {
  current: string;
  tenants: { slug: string; name: string }[];
  label: string;
  chooseTenant: ChooseTenantAction;
  failedText: string;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [failed, setFailed] = useState(false);
  if (tenants.length < 2) return <span>{tenants[0]?.name}</span>;
  return (
    <>
      <select
        aria-label={label}
        value={current}
        disabled={pending}
        onChange={(e) => {
          const next = e.target.value;
          startTransition(async () => {
            const result = await chooseTenant(next).catch((err: unknown) => {
              console.error('choosing the shop failed', err);
              return { ok: false as const, message: failedText };
            });
            setFailed(!result.ok);
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
      {failed ? (
        <span role="alert">
          {failedText}
        </span>
      ) : null}
    </>
  );
}
