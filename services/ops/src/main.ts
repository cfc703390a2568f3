import { loadConfigOrExit } from '@qn/config';
import { createRuntime, runUntilSignal, createServiceApp } from '@qn/runtime';
import { createAuditRouter } from './create-audit-router';
import { createInboundRouter } from './create-inbound-router';
import { campaignMetricsRegistry } from './campaign-metrics';
import { createApiDocsRouter, createOpenApiRouter } from './create-api-docs-router';
import './installation-api-docs';

/**
 * The ops service alone (split layout): the admin audit API, the inbound-mail intake, the API
 * reference and /metrics with the queue gauges, the last two for the whole installation.
 */
async function main() {
  const rt = await createRuntime(loadConfigOrExit(), { name: 'service-ops' });
  const app = createServiceApp(
    rt,
    [
      { path: '/api/audit', router: createAuditRouter() },
      { path: '/api/inbound', router: createInboundRouter(rt) },
      { path: '/api/openapi.json', router: createOpenApiRouter({ publicUrl: rt.config.PUBLIC_URL }) },
      { path: '/api/docs', router: createApiDocsRouter() },
    ],
    { queueMetrics: true, metrics: [campaignMetricsRegistry()] },
  );
  const server = app.listen(rt.config.PORT, rt.config.HOST);
  runUntilSignal(rt.logger, async () => {
    await new Promise((r) => server.close(r));
    await rt.close();
  });
}
void main();
