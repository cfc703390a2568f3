import { loadConfig } from '@qn/config';
import { createRuntime } from '@qn/runtime';
import { createNewsletterWorker } from '@qn/worker-newsletter';

/**
 * The newsletter worker as its own process, configured by environment like workers/newsletter's
 * main.ts, plus test knobs (rate, concurrency, sweep interval). Prints "ready" when consuming.
 */
async function main() {
  const config = loadConfig(process.env);
  const rt = await createRuntime(config, { name: 'nl-worker-child' });
  const worker = createNewsletterWorker({
    config,
    connection: rt.workerConnection(),
    redis: rt.redis,
    producer: rt.producer,
    logger: rt.logger,
    ratePerSecond: Number(process.env.TEST_RATE ?? 0),
    concurrency: Number(process.env.TEST_CONCURRENCY ?? 20),
    sweepEveryMs: 500,
    stallAfterMs: 10_000,
  });
  await worker.waitUntilReady();
  process.stdout.write('ready\n');
  process.on('SIGTERM', () => {
    void worker
      .close()
      .then(() => rt.close())
      .then(() => process.exit(0));
  });
}
void main().catch((err) => {
  process.stderr.write(`worker child failed: ${(err as Error).stack}\n`);
  process.exit(1);
});
