'use client';

import { useId, useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { format, type Locale } from '@/lib/i18n/locale';
import type { TenantRole } from '@/lib/db/schema';
import type { OpenCartAdmin, TenantGrantView } from '@/lib/tenants/tenant-grants';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { EmptyState } from '@/components/overview/empty-state';
import { formatInstant } from '@/components/webhooks/format-instant';
import overview from '@/components/overview/overview.module.css';
import styles from '@/components/accounts/accounts.module.css';
import own from './tenants.module.css';
import type { RoleLabels, TenantsLabels } from './labels';
import type { GrantAccessAction, RevokeAccessAction } from './tenant-actions';

const ROLES: readonly TenantRole[] = ['admin', 'operator', 'viewer'];

/** Who may open the shop and as what; grant from the OpenCart admins who can sign in, revoke after a confirmation. */
export function GrantsPanel({
  tenantId,
  grants,
  admins,
  currentUserId,
  isDefault,
  grantAccess,
  revokeAccess,
  labels,
  roles,
  locale,
  timeZone,
}: {
  tenantId: number;
  grants: TenantGrantView[];
  admins: OpenCartAdmin[];
  currentUserId: number;
  isDefault: boolean;
  grantAccess: GrantAccessAction;
  revokeAccess: RevokeAccessAction;
  labels: TenantsLabels;
  roles: RoleLabels;
  locale: Locale;
  timeZone: string;
}) {
  const id = useId();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [revoking, setRevoking] = useState<TenantGrantView | null>(null);
  const a = labels.access;
  const grantable = admins.filter((u) => u.userId !== currentUserId);

  const run = (work: () => Promise<{ ok: boolean; text: string }>) =>
    startTransition(async () => {
      try {
        setMessage(await work());
        router.refresh();
      } catch (err) {
        console.error('changing access failed', err);
        setMessage({ ok: false, text: labels.errors.generic });
      }
    });

  return (
    <section className={overview.panel} aria-labelledby={`${id}-title`}>
      <div className={overview.panelHeader}>
        <h2 id={`${id}-title`} className={overview.panelTitle}>
          {a.title}
        </h2>
        <p className={overview.panelDescription}>{a.description}</p>
        {isDefault ? <p className={overview.note}>{a.implicit}</p> : null}
      </div>
      {grants.length === 0 ? (
        <EmptyState title={a.empty} />
      ) : (
        <div className={overview.tableWrap}>
          <table className={overview.table}>
            <caption className="visually-hidden">{a.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{a.user}</th>
                <th scope="col">{a.role}</th>
                <th scope="col" className={overview.hideOnPhone}>
                  {a.grantedBy}
                </th>
                <th scope="col" className={overview.hideOnPhone}>
                  {a.since}
                </th>
                <th scope="col">{a.actions}</th>
              </tr>
            </thead>
            <tbody>
              {grants.map((g) => (
                <tr key={g.userId}>
                  <th scope="row" className={own.rowHeader}>
                    {g.username}
                    {g.userId === currentUserId ? <span className={overview.secondary}>{a.you}</span> : null}
                  </th>
                  <td>{roles[g.role]}</td>
                  <td className={overview.hideOnPhone}>{g.grantedBy}</td>
                  <td className={`${overview.hideOnPhone} ${overview.nowrap}`}>{formatInstant(g.createdAt, locale, timeZone, 'short')}</td>
                  <td>
                    {g.userId === currentUserId ? null : (
                      <button type="button" className={`btn ${styles.small}`} aria-label={format(a.revokeLabel, { user: g.username })} onClick={() => setRevoking(g)} disabled={pending}>
                        {a.revoke}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3 className={overview.panelTitle} style={{ marginTop: '1rem', fontSize: '0.95rem' }}>
        {a.grantTitle}
      </h3>
      {grantable.length === 0 ? (
        <p className={overview.note}>{a.noUsers}</p>
      ) : (
        <form
          className={styles.form}
          onSubmit={(event) => {
            event.preventDefault();
            const data = new FormData(event.currentTarget);
            const userId = Number(data.get('userId'));
            const role = String(data.get('role')) as TenantRole;
            const user = grantable.find((u) => u.userId === userId)?.username ?? '';
            run(async () => {
              const result = await grantAccess({ tenantId, userId, role });
              return result.ok ? { ok: true, text: format(a.granted, { user, role: roles[role] }) } : { ok: false, text: result.message };
            });
          }}
        >
          <div className={styles.field}>
            <label htmlFor={`${id}-user`} className={styles.fieldLabel}>
              {a.chooseUser}
            </label>
            <select id={`${id}-user`} name="userId" className={styles.control}>
              {grantable.map((u) => (
                <option key={u.userId} value={u.userId}>
                  {u.name ? `${u.username} (${u.name})` : u.username}
                </option>
              ))}
            </select>
          </div>
          <div className={styles.field}>
            <label htmlFor={`${id}-role`} className={styles.fieldLabel}>
              {a.chooseRole}
            </label>
            <select id={`${id}-role`} name="role" className={styles.control} defaultValue="viewer">
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {roles[role]}
                </option>
              ))}
            </select>
          </div>
          <div className={styles.formActions}>
            <button type="submit" className="btn btn-primary" disabled={pending}>
              {a.grant}
            </button>
          </div>
        </form>
      )}
      {message ? (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? styles.success : styles.error}>
          {message.text}
        </p>
      ) : null}
      <ConfirmDialog
        open={revoking !== null}
        title={format(a.revokeTitle, { user: revoking?.username ?? '' })}
        body={format(a.revokeBody, { user: revoking?.username ?? '' })}
        confirmLabel={a.revoke}
        cancelLabel={labels.cancel}
        danger
        pending={pending}
        onCancel={() => setRevoking(null)}
        onConfirm={() => {
          const target = revoking;
          setRevoking(null);
          if (!target) return;
          run(async () => {
            const result = await revokeAccess({ tenantId, userId: target.userId });
            return result.ok ? { ok: true, text: format(a.revoked, { user: target.username }) } : { ok: false, text: result.message };
          });
        }}
      />
    </section>
  );
}
