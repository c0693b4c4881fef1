'use client';

import { signOut } from 'next-auth/react';

export function SignOutButton({ label }: { label: string }) {
  return (
    <button type="button" className="btn" onClick={() => signOut({ callbackUrl: '/login' })}>
      {label}
    </button>
  );
}
