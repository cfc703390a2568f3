/**
 * A real alerts worker in its own process, for tests that kill it with SIGKILL. The parent
 * passes its test database name and config overrides; the queue prefix follows from the name.
 */
import { createRuntime } from '@qn/runtime';
import { testConfig } from '@qn/testing';
import { createAlertsWorker } from '@qn/worker-alerts';

async function main() {
  const config = testConfig(process.env.QN_CHILD_DB!, JSON.parse(process.env.QN_CHILD_ENV ?? '{}'));
  const rt = await createRuntime(config, { name: 'child-alerts' });
  const worker = createAlertsWorker({
    config,
    connection: rt.workerConnection(),
    logger: rt.logger,
    producer: rt.producer,
    settings: { matchBatchSize: Number(process.env.QN_CHILD_BATCH ?? 50) },
    concurrency: 1,
  });
  await worker.waitUntilReady();
  process.send?.('ready');
}
void main();
