import { createRequire } from 'node:module';
import { Redis } from 'ioredis';
import * as baselineModule from './baseline.mjs';

/**
 * The calendar service as its main.ts runs it (express shell with request ids, logs, helmet,
 * then the feed router and its cache), on the bench's FerretDB and Redis. Imports built dist/.
 */
const require = createRequire(import.meta.url);
const { loadConfig } = require('@qn/config');
const { connectDb } = require('@qn/db');
const { createHttpApp } = require('@qn/http');
const { createLogger } = require('@qn/log');
const { createCalendarService, serveWithFastPath } = require('@qn/service-calendar');

const config = loadConfig({
  MONGODB_URL: process.env.BENCH_MONGODB_URL,
  REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  SMTP_URL: 'smtp://127.0.0.1:2525',
  SECRET_KEY: 'bench-secret-key-that-is-long-enough-000',
  QUEUE_PREFIX: process.env.BENCH_PREFIX,
  LOG_LEVEL: 'info',
  NODE_ENV: 'production',
  PUBLIC_URL: 'https://quartier.example.org',
});
await connectDb({ url: config.MONGODB_URL });
const logger = createLogger({ level: config.LOG_LEVEL, name: 'bench-calendar' });
const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1 });
const subscriber = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
const calendar = createCalendarService({ config, logger, redis, subscriber });
await calendar.ready;
const app = createHttpApp({ logger, mounts: [{ path: '/feeds', router: calendar.router }] });
// As services/calendar/src/main.ts serves it.
const server = serveWithFastPath(app, calendar.fastPath);
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
server.keepAliveTimeout = 30_000;
// BASELINE=same: the baseline listens in this process too (loaded only while the service is
// idle), so both share the process's lot on a busy machine and only the work per request differs.
let baseline;
process.on('message', (m) => {
  if (m?.baseline) {
    const { createBaselineServer } = baselineModule;
    baseline = createBaselineServer(m.baseline);
    baseline.listen(0, '127.0.0.1', () => process.send({ baselinePort: baseline.address().port }));
    return;
  }
  if (m !== 'stop') return;
  baseline?.close();
  server.close(() => {
    redis.disconnect();
    subscriber.disconnect();
    process.exit(0);
  });
});
