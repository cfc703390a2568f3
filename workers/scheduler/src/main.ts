import { loadConfigOrExit } from '@qn/config';
import { createRuntime, runUntilSignal } from '@qn/runtime';
import { createSchedulerWorker } from './create-scheduler-worker';

async function main() {
  const rt = await createRuntime(loadConfigOrExit(), { name: 'worker-scheduler' });
  const worker = createSchedulerWorker({
    config: rt.config,
    connection: rt.workerConnection(),
    logger: rt.logger,
    producer: rt.producer,
  });
  rt.logger.info('scheduler worker started');
  runUntilSignal(rt.logger, async () => {
    await worker.close();
    await rt.close();
  });
}
void main();
