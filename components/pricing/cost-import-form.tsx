'use client';

import { useState } from 'react';
import { format } from '@/lib/i18n/locale';
import type { CostImportReport } from '@/lib/pricing/product-costs';
import overview from '@/components/overview/overview.module.css';
import { OutcomeMessage } from '@/components/product-links/outcome-message';
import { useServerAction } from '@/components/ui/use-server-action';
import type { ImportCostsAction, PricingLabels } from './labels';
import styles from './pricing.module.css';

/** Upload of a costs CSV; the server checks every row and the refused ones are listed here. */
export function CostImportForm({ importCosts, labels }: { importCosts: ImportCostsAction; labels: PricingLabels }) {
  const c = labels.cost;
  const { run, pending, outcome } = useServerAction(labels.errors.generic);
  const [report, setReport] = useState<CostImportReport | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const refused = report?.rows.filter((r) => !r.ok) ?? [];

  return (
    <section className={overview.panel} aria-labelledby="cost-import">
      <h2 id="cost-import" className={overview.panelTitle}>
        {c.importHeading}
      </h2>
      <p className={styles.hint}>{c.importHint}</p>
      <form
        className={styles.formRow}
        onSubmit={(e) => {
          e.preventDefault();
          if (!file) return;
          void file.text().then((csv) =>
            run(
              () => importCosts({ csv }),
              (r) => format(c.imported, { imported: r.report.imported, refused: r.report.refused }),
              (r) => setReport(r.report),
            ),
          );
        }}
      >
        <label className={styles.field}>
          <span className={styles.fieldLabel}>{c.file}</span>
          <input className={styles.control} type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </label>
        <button type="submit" className="btn" disabled={!file || pending}>
          {c.import}
        </button>
      </form>
      <OutcomeMessage outcome={outcome} />
      {refused.length > 0 ? (
        <div className={overview.tableWrap}>
          <table className={`${overview.table} ${styles.report}`}>
            <thead>
              <tr>
                <th scope="col">{c.line}</th>
                <th scope="col">{c.product}</th>
                <th scope="col">{c.value}</th>
                <th scope="col">{c.problem}</th>
              </tr>
            </thead>
            <tbody>
              {refused.map((r) => (
                <tr key={r.line}>
                  <td>{r.line}</td>
                  <td>{r.productId ?? '—'}</td>
                  <td>{r.cost ?? '—'}</td>
                  <td>{r.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
