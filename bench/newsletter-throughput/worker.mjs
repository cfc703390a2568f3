// One newsletter worker process for the benchmark: the worker of workers/newsletter (built
// dist/), configured by environment like its main.ts, plus the knobs a benchmark turns
// (concurrency, SMTP sessions, rate). Prints "ready" to the parent over IPC.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { loadConfig } = require('@qn/config');
const { createRuntime } = require('@qn/runtime');
const { createNewsletterWorker } = require('@qn/worker-newsletter');

const config = loadConfig(process.env);
const rt = await createRuntime(config, { name: 'bench-newsletter-worker' });
const worker = createNewsletterWorker({
  config,
  connection: rt.workerConnection(),
  redis: rt.redis,
  producer: rt.producer,
  logger: rt.logger,
  concurrency: Number(process.env.BENCH_CONCURRENCY ?? 100),
  smtpConnections: Number(process.env.BENCH_SMTP_CONNECTIONS ?? 10),
  sweepEveryMs: 1000,
});
await worker.waitUntilReady();
process.send?.({ type: 'ready' });
process.on('message', async (m) => {
  if (m?.type === 'stop') {
    await worker.close();
    await rt.close();
    process.exit(0);
  }
});
