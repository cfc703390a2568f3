export { processRegistry } from './process-registry';
export { httpMetrics } from './http-metrics';
export { countMail } from './mail-metrics';
export { queueMetricsRegistry } from './queue-metrics';
export { scrapeMetrics } from './scrape';
export { createMetricsRouter } from './create-metrics-router';
export { bearerMatches } from './bearer-matches';
export { countAlerts, type AlertOutcome } from './alert-metrics';
export { oneReadPerScrape } from './one-read-per-scrape';
