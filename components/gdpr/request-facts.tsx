import type { GdprRequest } from '@/lib/db/schema';
import { format, type Locale } from '@/lib/i18n/locale';
import { formatInstant } from '@/components/webhooks/format-instant';
import { DaysLeft } from './days-left';
import type { GdprLabels } from './labels';
import { StatusBadge } from './status-badge';
import styles from './gdpr.module.css';

export function RequestFacts({ request, now, labels, locale, timeZone }: { request: GdprRequest; now: Date; labels: GdprLabels; locale: Locale; timeZone: string }) {
  const d = labels.detail;
  const at = (date: Date) => formatInstant(date.toISOString(), locale, timeZone, 'short');
  const closed = request.status === 'completed' || request.status === 'rejected';
  return (
    <dl className={styles.facts}>
      <dt>{labels.table.type}</dt>
      <dd>{labels.types[request.type]}</dd>
      <dt>{labels.table.status}</dt>
      <dd>
        <StatusBadge status={request.status} labels={labels.statuses} />
      </dd>
      <dt>{d.email}</dt>
      <dd>{request.email}</dd>
      {request.requesterName ? (
        <>
          <dt>{d.name}</dt>
          <dd>{request.requesterName}</dd>
        </>
      ) : null}
      {request.customerId ? (
        <>
          <dt>{d.customerId}</dt>
          <dd>{request.customerId}</dd>
        </>
      ) : null}
      {request.orderId ? (
        <>
          <dt>{d.orderId}</dt>
          <dd>{request.orderId}</dd>
        </>
      ) : null}
      <dt>{labels.table.source}</dt>
      <dd>{labels.sources[request.source]}</dd>
      <dt>{d.language}</dt>
      <dd>{labels.languages[request.language]}</dd>
      {request.details ? (
        <>
          <dt>{d.details}</dt>
          <dd>{request.details}</dd>
        </>
      ) : null}
      <dt>{d.identity}</dt>
      <dd>
        {request.identityMethod && request.identityVerifiedAt
          ? `${labels.identityMethods[request.identityMethod]} (${at(request.identityVerifiedAt)})${request.identityNote ? `: ${request.identityNote}` : ''}`
          : d.notVerified}
      </dd>
      <dt>{d.received}</dt>
      <dd>{at(request.receivedAt)}</dd>
      <dt>{d.due}</dt>
      <dd>
        {at(request.dueAt)} · <DaysLeft dueAt={request.dueAt} now={now} closed={closed} labels={labels.table} />
        {request.extensionReason ? <div>{format(d.extension, { reason: request.extensionReason })}</div> : null}
      </dd>
      {request.closedAt ? (
        <>
          <dt>{d.closed}</dt>
          <dd>{at(request.closedAt)}</dd>
        </>
      ) : null}
      {request.rejectionReason ? (
        <>
          <dt>{d.rejection}</dt>
          <dd>{request.rejectionReason}</dd>
        </>
      ) : null}
    </dl>
  );
}
