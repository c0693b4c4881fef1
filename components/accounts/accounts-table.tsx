import type { SkuMatchField } from '@/lib/marketplaces/names';
import { EmptyState } from '@/components/overview/empty-state';
import { AccountRow, type AccountRowData, type ChangeStatusAction, type RotateSecretAction } from './account-row';
import type { UpdateAccountAction } from './edit-account-form';
import type { AccountsLabels } from './labels';
import overview from '@/components/overview/overview.module.css';

export function AccountsTable({
  accounts,
  skuMatchFields,
  graceHours,
  updateAccount,
  rotateSecret,
  changeStatus,
  labels,
}: {
  accounts: AccountRowData[];
  skuMatchFields: readonly SkuMatchField[];
  graceHours: number;
  updateAccount: UpdateAccountAction;
  rotateSecret: RotateSecretAction;
  changeStatus: ChangeStatusAction;
  labels: AccountsLabels;
}) {
  const t = labels.table;
  return (
    <section className={overview.panel} aria-label={t.caption}>
      {accounts.length === 0 ? (
        <EmptyState title={t.empty} hint={t.emptyHint} />
      ) : (
        <div className={overview.tableWrap}>
          <table className={overview.table}>
            <caption className="visually-hidden">{t.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.name}</th>
                <th scope="col">{t.auth}</th>
                <th scope="col">{t.skuMatch}</th>
                <th scope="col">{t.status}</th>
                <th scope="col">{t.webhookUrl}</th>
                <th scope="col">
                  <span className="visually-hidden">{t.actions}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((account) => (
                <AccountRow
                  key={account.id}
                  account={account}
                  skuMatchFields={skuMatchFields}
                  graceHours={graceHours}
                  updateAccount={updateAccount}
                  rotateSecret={rotateSecret}
                  changeStatus={changeStatus}
                  labels={labels}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
