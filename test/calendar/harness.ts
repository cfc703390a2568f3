import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import mongoose from 'mongoose';
import type { Config } from '@qn/config';
import { connectDb } from '@qn/db';
import { createHttpApp } from '@qn/http';
import { createLogger } from '@qn/log';
import { createCalendarService, serveWithFastPath, type CalendarService } from '@qn/service-calendar';

export type CalendarHarness = {
  url: string;
  service: CalendarService;
  redis: Redis;
  close: () => Promise<void>;
};

/** The calendar service alone on the test's database and Redis prefix, as its main.ts runs it. */
export async function startCalendar(
  config: Config,
  opts: { now?: () => Date; maxAgeMs?: number; personalMaxAgeMs?: number } = {},
): Promise<CalendarHarness> {
  if (mongoose.connection.readyState !== 1) await connectDb({ url: config.MONGODB_URL });
  const logger = createLogger({ level: config.LOG_LEVEL });
  const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1 });
  const subscriber = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
  const service = createCalendarService({ config, logger, redis, subscriber, feeds: opts });
  await service.ready;
  const app = createHttpApp({ logger, mounts: [{ path: '/feeds', router: service.router }] });
  // As main.ts serves it: known feed URLs from the cache first, the express app for the rest.
  const server = serveWithFastPath(app, service.fastPath);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    service,
    redis,
    close: async () => {
      await new Promise((r) => server.close(r));
      subscriber.disconnect();
      redis.disconnect();
    },
  };
}

export type RawResponse = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

/** A request that leaves the body exactly as sent (no automatic decompression). */
export function rawRequest(
  url: string,
  opts: { method?: string; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}
