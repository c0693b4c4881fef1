export { getTenantUsage, type TenantUsage } from './get-tenant-usage';
export { getQuotaOverview, type QuotaOverview, type QuotaStatus, type UsageSeries } from './get-quota-overview';
export { getServiceFigures, SLA_ANSWER_MS, SLA_PROCESS_MS, type ServiceFigures } from './service-figures';
export { listQuotaAlerts, type QuotaAlertView } from './list-quota-alerts';
export { pruneQuotaUsage } from './prune-quota-usage';
export { fitLine, projectTimeToLimit, type Projection } from './fit-line';
