import { loadConfigOrExit } from '@qn/config';
import { createRuntime, runUntilSignal, createServiceApp } from '@qn/runtime';
import { createAuditRouter } from './create-audit-router';

/** The ops service alone (split layout): the admin audit API and /metrics with the queue gauges of the whole installation. */
async function main() {
  const rt = await createRuntime(loadConfigOrExit(), { name: 'service-ops' });
  const app = createServiceApp(rt, [{ path: '/api/audit', router: createAuditRouter() }], {
    queueMetrics: true,
  });
  const server = app.listen(rt.config.PORT, rt.config.HOST);
  runUntilSignal(rt.logger, async () => {
    await new Promise((r) => server.close(r));
    await rt.close();
  });
}
void main();
