import { loadConfigOrExit } from '@qn/config';
import { createHttpApp } from '@qn/http';
import { httpMetrics } from '@qn/metrics';
import { createRuntime, runUntilSignal, httpOptionsOf } from '@qn/runtime';
import { createAuditRouter } from './create-audit-router';
import { createMetricsRouter } from './create-metrics-router';

/** The ops service alone (split layout): the admin audit API and /metrics for this process. */
async function main() {
  const rt = await createRuntime(loadConfigOrExit(), { name: 'service-ops' });
  const app = createHttpApp({
    ...httpOptionsOf(rt),
    before: [httpMetrics()],
    mounts: [
      { path: '/api/audit', router: createAuditRouter() },
      { path: '/metrics', router: createMetricsRouter(rt) },
    ],
  });
  const server = app.listen(rt.config.PORT, rt.config.HOST);
  runUntilSignal(rt.logger, async () => {
    await new Promise((r) => server.close(r));
    await rt.close();
  });
}
void main();
