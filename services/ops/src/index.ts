export { createMetricsRouter } from './create-metrics-router';
export { bearerMatches } from './bearer-matches';
