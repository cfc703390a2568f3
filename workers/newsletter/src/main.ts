import { loadConfigOrExit } from '@qn/config';
import { createRuntime, runUntilSignal, serveWorkerEndpoints } from '@qn/runtime';
import { createNewsletterWorker } from './create-newsletter-worker';
import { missingNodeFlags, NODE_FLAGS } from './node-flags';

async function main() {
  const rt = await createRuntime(loadConfigOrExit(), { name: 'worker-newsletter' });
  const worker = createNewsletterWorker({
    config: rt.config,
    connection: rt.workerConnection(),
    redis: rt.redis,
    producer: rt.producer,
    logger: rt.logger,
  });
  rt.logger.info({ rate: rt.config.NEWSLETTER_RATE }, 'newsletter worker started');
  const missing = missingNodeFlags();
  if (missing.length)
    rt.logger.warn(
      { missing, start: `node ${NODE_FLAGS.join(' ')} workers/newsletter/dist/main.js` },
      'newsletter worker started without its heap flags: RSS at full speed will be ~100 MB higher',
    );
  const closeEndpoints = await serveWorkerEndpoints(rt);
  runUntilSignal(rt.logger, async () => {
    await worker.close();
    await closeEndpoints();
    await rt.close();
  });
}
void main();
