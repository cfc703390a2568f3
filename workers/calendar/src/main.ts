import { loadConfigOrExit } from '@qn/config';
import { createRuntime, runUntilSignal, serveWorkerEndpoints } from '@qn/runtime';
import { createCalendarWorker } from './create-calendar-worker';

async function main() {
  const rt = await createRuntime(loadConfigOrExit(), { name: 'worker-calendar' });
  const worker = createCalendarWorker({
    config: rt.config,
    connection: rt.workerConnection(),
    redis: rt.redis,
    logger: rt.logger,
  });
  rt.logger.info('calendar worker started');
  const closeEndpoints = await serveWorkerEndpoints(rt);
  runUntilSignal(rt.logger, async () => {
    await worker.close();
    await closeEndpoints();
    await rt.close();
  });
}
void main();
