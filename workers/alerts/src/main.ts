import { loadConfigOrExit } from '@qn/config';
import { createRuntime, runUntilSignal, serveWorkerEndpoints } from '@qn/runtime';
import { createAlertsWorker } from './create-alerts-worker';

async function main() {
  const rt = await createRuntime(loadConfigOrExit(), { name: 'worker-alerts' });
  const worker = createAlertsWorker({
    config: rt.config,
    connection: rt.workerConnection(),
    logger: rt.logger,
    producer: rt.producer,
  });
  rt.logger.info('alerts worker started');
  const closeEndpoints = await serveWorkerEndpoints(rt);
  runUntilSignal(rt.logger, async () => {
    await worker.close();
    await closeEndpoints();
    await rt.close();
  });
}
void main();
