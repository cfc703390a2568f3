import { once } from 'node:events';
import type { Runtime } from './create-runtime';
import { createServiceApp } from './create-service-app';

/**
 * A worker's own /healthz, /readyz and /metrics (mails sent by kind, job counters, process
 * metrics) on METRICS_PORT, so container health checks and Prometheus reach workers in the
 * split layout too. Without METRICS_PORT a worker listens on nothing.
 */
export async function serveWorkerEndpoints(rt: Runtime): Promise<() => Promise<void>> {
  const port = rt.config.METRICS_PORT;
  if (port === undefined) return async () => {};
  const server = createServiceApp(rt, []).listen(port, rt.config.HOST);
  await once(server, 'listening');
  rt.logger.info({ port }, 'worker endpoints listening');
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
