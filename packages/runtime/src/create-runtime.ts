import type { Redis } from 'ioredis';
import type { Transporter } from 'nodemailer';
import type { Config } from '@qn/config';
import { connectDb, closeDb, pingDb } from '@qn/db';
import { createLogger, type Logger } from '@qn/log';
import { Producer, createProducerConnection, createWorkerConnection } from '@qn/queue';
import { createMailTransport } from '@qn/mail';
import { ensureFirstAdmin } from '@qn/auth';
import type { ReadinessCheck } from '@qn/http';

/**
 * The dependencies a service or worker process is built from. Entry points create one; app
 * and worker factories take the parts they need, so tests can build them on test servers.
 */
export type Runtime = {
  config: Config;
  logger: Logger;
  /** Non-blocking connection for producers (fails fast when Redis is down). */
  redis: Redis;
  producer: Producer;
  /** Created on first use: services that never send mail never open SMTP connections. */
  mailTransport: () => Transporter;
  /** A blocking connection for a worker; each call makes a new one, closed with the runtime. */
  workerConnection: () => Redis;
  readiness: ReadinessCheck[];
  close: () => Promise<void>;
};

export async function createRuntime(
  config: Config,
  opts: { name?: string; logger?: Logger } = {},
): Promise<Runtime> {
  const logger = opts.logger ?? createLogger({ level: config.LOG_LEVEL, name: opts.name });
  await connectDb({ url: config.MONGODB_URL, poolSize: config.MONGODB_POOL_SIZE, logger });
  await ensureFirstAdmin({ email: config.ADMIN_EMAIL, token: config.ADMIN_TOKEN });
  const redis = createProducerConnection(config.REDIS_URL);
  redis.on('error', (err) => logger.warn({ err: err.message }, 'redis connection error'));
  const producer = new Producer(redis, config.QUEUE_PREFIX);
  let transport: Transporter | undefined;
  const workerConnections: Redis[] = [];
  const dkim =
    config.DKIM_DOMAIN && config.DKIM_SELECTOR && config.DKIM_PRIVATE_KEY
      ? {
          domainName: config.DKIM_DOMAIN,
          keySelector: config.DKIM_SELECTOR,
          privateKey: config.DKIM_PRIVATE_KEY,
        }
      : undefined;
  const mailTransport = () => (transport ??= createMailTransport(config.SMTP_URL, { dkim }));
  return {
    config,
    logger,
    redis,
    producer,
    mailTransport,
    workerConnection: () => {
      const c = createWorkerConnection(config.REDIS_URL);
      c.on('error', (err) => logger.warn({ err: err.message }, 'redis worker connection error'));
      workerConnections.push(c);
      return c;
    },
    readiness: [
      { name: 'database', check: pingDb },
      { name: 'redis', check: async () => void (await redis.ping()) },
      // A fresh SMTP connection (greeting + EHLO + QUIT): the relay answers, not just the port.
      { name: 'mail', check: async () => void (await mailTransport().verify()) },
    ],
    close: async () => {
      await producer.close();
      transport?.close();
      redis.disconnect();
      for (const c of workerConnections) c.disconnect();
      await closeDb();
    },
  };
}
