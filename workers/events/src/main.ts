import { loadConfigOrExit } from '@qn/config';
import { createRuntime, runUntilSignal, serveWorkerEndpoints } from '@qn/runtime';
import { eventsDepsOf } from '@qn/events';
import { createEventsWorker } from './create-events-worker';

async function main() {
  const rt = await createRuntime(loadConfigOrExit(), { name: 'worker-events' });
  const worker = createEventsWorker({
    events: eventsDepsOf(rt),
    connection: rt.workerConnection(),
    prefix: rt.config.QUEUE_PREFIX,
    logger: rt.logger,
    schedule: { producer: rt.producer, olderThanDays: rt.config.EVENT_RETENTION_DAYS },
  });
  rt.logger.info('events worker started');
  const closeEndpoints = await serveWorkerEndpoints(rt);
  runUntilSignal(rt.logger, async () => {
    await worker.close();
    await closeEndpoints();
    await rt.close();
  });
}
void main();
