export { createMetricsRouter, bearerMatches } from '@qn/metrics';
export { createAuditRouter, auditQuery } from './create-audit-router';
export { createOpenApiRouter, createApiDocsRouter } from './create-api-docs-router';
export { createInboundRouter, inboundHookSecret } from './create-inbound-router';
export { campaignMetricsRegistry } from './campaign-metrics';
