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
if (process.env.BENCH_MEM) {
  const mb = (x) => Math.round(x / 2 ** 20);
  const show = (when) => {
    globalThis.gc?.();
    const m = process.memoryUsage();
    process.stderr.write(
      `[worker ${process.pid}] ${when}: rss ${mb(m.rss)} heapTotal ${mb(m.heapTotal)} heapUsed ${mb(m.heapUsed)} external ${mb(m.external)} arrayBuffers ${mb(m.arrayBuffers)} MB\n`,
    );
  };
  show('ready');
  setInterval(() => show('run'), 5000).unref();
}
process.on('message', async (m) => {
  if (m?.type === 'stop') {
    await worker.close();
    await rt.close();
    process.exit(0);
  }
});
