import { format, type Locale } from '@/lib/i18n/locale';
import type { ServiceFigures } from '@/lib/quotas/usage';
import overview from '@/components/overview/overview.module.css';
import { formatCount, formatShare } from './format-usage';
import type { UsageLabels } from './labels';

/** The shop's service figures, each computed from what the app recorded (lib/quotas/usage/service-figures.ts). */
export function ServiceCards({ service, labels, locale }: { service: ServiceFigures; labels: UsageLabels['service']; locale: Locale }) {
  const none = labels.none;
  const share = (value: number | null) => (value === null ? none : formatShare(value, locale));
  const cards = [
    {
      label: labels.apiCalls,
      value: formatCount(service.apiCallsPerMinute, locale),
      meta: format(labels.apiCallsMeta, { count: formatCount(service.apiCallsLastHour, locale) }),
    },
    {
      label: labels.ingestP95,
      value: service.ingestP95Ms === null ? none : `${formatCount(service.ingestP95Ms, locale)} ms`,
      meta: format(labels.ingestMeta, { count: formatCount(service.deliveries24h, locale) }),
    },
    { label: labels.errorRate, value: share(service.errorRate), meta: format(labels.errorMeta, { count: formatCount(service.attempts24h, locale) }) },
    {
      label: labels.sla,
      value: share(service.sla.bothShare),
      meta:
        service.sla.events === 0
          ? labels.slaNone
          : format(labels.slaMeta, {
              count: formatCount(service.sla.events, locale),
              answered: share(service.sla.answeredShare),
              processed: share(service.sla.processedShare),
            }),
    },
  ];
  return (
    <section aria-label={labels.title}>
      <ul className={overview.cards}>
        {cards.map((card) => (
          <li key={card.label} className={overview.card}>
            <p className={overview.cardLabel}>{card.label}</p>
            <p className={overview.cardValue}>{card.value}</p>
            <p className={overview.cardMeta}>{card.meta}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
