export { createMetricsRouter } from './create-metrics-router';
export { createAuditRouter, auditQuery } from './create-audit-router';
export { bearerMatches } from './bearer-matches';
export { createOpenApiRouter, createApiDocsRouter } from './create-api-docs-router';
