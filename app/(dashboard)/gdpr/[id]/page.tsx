import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { env } from '@/lib/env';
import { getDb } from '@/lib/db/pool';
import { getLocale, openCurrentTenant } from '@/lib/auth/session';
import { ServiceError } from '@/lib/errors/service-error';
import { format, getMessages } from '@/lib/i18n';
import { currentConsents } from '@/lib/gdpr/consent';
import { listExports } from '@/lib/gdpr/export';
import { previewPerson } from '@/lib/gdpr/find-person';
import { getRequest, listRequestEvents } from '@/lib/gdpr/requests';
import { getErasureReport } from '@/lib/gdpr/run-erasure';
import { getStoreSettings } from '@/lib/shop/store-settings';
import { shopTimeZone } from '@/lib/webhooks/queries';
import { ConsentStateList } from '@/components/gdpr/consent-state';
import { ErasurePanel } from '@/components/gdpr/erasure-panel';
import { ErasureReportTable } from '@/components/gdpr/erasure-report';
import { ExportPanel } from '@/components/gdpr/export-panel';
import { PreviewTable } from '@/components/gdpr/preview-table';
import { RequestActions } from '@/components/gdpr/request-actions';
import { RequestFacts } from '@/components/gdpr/request-facts';
import { RequestTrail } from '@/components/gdpr/request-trail';
import overview from '@/components/overview/overview.module.css';
import styles from '@/components/gdpr/gdpr.module.css';
import { closeRequestAction, createExportAction, eraseAction, extendRequestAction, verifyIdentityAction } from '../actions';
import { GDPR_ADMIN_ROLES, GDPR_EDIT_ROLES } from '../gdpr-roles';

const paramsSchema = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

export default async function GdprRequestPage({ params }: { params: Promise<{ id: string }> }) {
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const [locale, tenant] = await Promise.all([getLocale(), openCurrentTenant()]);
  const m = getMessages(locale).gdpr;
  const db = getDb(env().DATABASE_URL);
  const tenantId = tenant.tenant.id;
  const request = await getRequest(db, tenantId, parsed.data.id).catch((err: unknown) => {
    // Another shop's request answers like one that does not exist.
    if (err instanceof ServiceError && err.code === 'NOT_FOUND') notFound();
    throw err;
  });
  const [events, exports, report, store, consents] = await Promise.all([
    listRequestEvents(db, tenantId, request.id),
    listExports(db, tenantId, request.id),
    getErasureReport(db, tenant, request.id),
    getStoreSettings(tenant),
    currentConsents(db, tenantId, request.email),
  ]);
  const erased = report?.status === 'completed';
  const preview = erased ? null : await previewPerson(tenant, db, { email: request.email, customerId: request.customerId, orderId: request.orderId });
  const timeZone = shopTimeZone(store);
  const now = new Date();
  const closed = request.status === 'completed' || request.status === 'rejected';
  const canEdit = GDPR_EDIT_ROLES.includes(tenant.role);
  const isAdmin = GDPR_ADMIN_ROLES.includes(tenant.role);
  const verified = request.identityVerifiedAt !== null;
  const eraseBlocked = request.type !== 'erasure' ? m.erasure.onlyErasure : !verified ? m.erasure.needsIdentity : null;

  return (
    <div className={styles.page}>
      <p>
        <Link href="/gdpr">← {m.detail.back}</Link>
      </p>
      <h1>{format(m.detail.title, { id: request.id })}</h1>
      <div className={styles.columns}>
        <section className={overview.panel} aria-labelledby="gdpr-facts">
          <h2 id="gdpr-facts" className={`${overview.panelTitle} ${overview.panelHeader}`}>
            {m.detail.facts}
          </h2>
          <RequestFacts request={request} now={now} labels={m} locale={locale} timeZone={timeZone} />
        </section>
        <section className={overview.panel} aria-labelledby="gdpr-trail">
          <h2 id="gdpr-trail" className={`${overview.panelTitle} ${overview.panelHeader}`}>
            {m.detail.trail}
          </h2>
          <RequestTrail events={events} labels={m} locale={locale} timeZone={timeZone} />
        </section>
      </div>
      <section className={overview.panel} aria-labelledby="gdpr-preview">
        <h2 id="gdpr-preview" className={`${overview.panelTitle} ${overview.panelHeader}`}>
          {m.preview.title}
        </h2>
        {preview ? (
          <>
            <p className={styles.hint}>{m.preview.description}</p>
            <PreviewTable preview={preview} labels={m} locale={locale} />
          </>
        ) : (
          <p>{m.preview.gone}</p>
        )}
      </section>
      {report ? (
        <section className={overview.panel} aria-labelledby="gdpr-report">
          <h2 id="gdpr-report" className={`${overview.panelTitle} ${overview.panelHeader}`}>
            {m.erasure.report}
          </h2>
          <ErasureReportTable report={report} labels={m} locale={locale} />
        </section>
      ) : null}
      {canEdit && !closed ? (
        <RequestActions
          requestId={request.id}
          needsIdentity={!verified}
          canExtend={request.extendedAt === null}
          canClose={isAdmin}
          refuseOnly={request.type === 'erasure'}
          verify={verifyIdentityAction}
          extend={extendRequestAction}
          close={closeRequestAction}
          labels={m}
          locale={locale}
          timeZone={timeZone}
        />
      ) : null}
      {request.type === 'access' || request.type === 'erasure' || exports.length > 0 ? (
        <ExportPanel
          requestId={request.id}
          exports={exports.map((x) => ({
            id: x.id,
            bytes: x.bytes,
            rowCount: x.rowCount,
            tableCount: x.tableCount,
            createdAt: x.createdAt.toISOString(),
            expiresAt: x.expiresAt.toISOString(),
            available: x.deletedAt === null && x.expiresAt.getTime() > now.getTime(),
          }))}
          create={isAdmin ? createExportAction : null}
          canCreate={isAdmin && !closed && !erased}
          blocked={verified ? null : m.exports.needsIdentity}
          labels={m}
          locale={locale}
          timeZone={timeZone}
        />
      ) : null}
      {isAdmin && request.type === 'erasure' && request.status !== 'rejected' ? (
        <ErasurePanel
          requestId={request.id}
          email={request.email}
          running={report?.status === 'running'}
          completed={erased}
          blocked={eraseBlocked}
          erase={eraseAction}
          labels={m}
        />
      ) : null}
      {!erased ? (
        <section className={overview.panel} aria-labelledby="gdpr-consent">
          <h2 id="gdpr-consent" className={`${overview.panelTitle} ${overview.panelHeader}`}>
            {m.consent.current}
          </h2>
          <ConsentStateList email={request.email} states={consents} labels={m} locale={locale} timeZone={timeZone} />
        </section>
      ) : null}
    </div>
  );
}
