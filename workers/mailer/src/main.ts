import { loadConfigOrExit } from '@qn/config';
import { createRuntime, runUntilSignal, serveWorkerEndpoints } from '@qn/runtime';
import { createMailerWorker } from './create-mailer-worker';

async function main() {
  const rt = await createRuntime(loadConfigOrExit(), { name: 'worker-mailer' });
  const worker = createMailerWorker({
    config: rt.config,
    connection: rt.workerConnection(),
    logger: rt.logger,
    transport: rt.mailTransport(),
  });
  rt.logger.info('mailer worker started');
  const closeEndpoints = await serveWorkerEndpoints(rt);
  runUntilSignal(rt.logger, async () => {
    await worker.close();
    await closeEndpoints();
    await rt.close();
  });
}
void main();
