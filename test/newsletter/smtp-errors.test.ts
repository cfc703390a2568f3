import type { AddressInfo } from 'node:net';
import mongoose from 'mongoose';
import request from 'supertest';
import type { Express } from 'express';
import type { Worker } from 'bullmq';
import { SMTPServer } from 'smtp-server';
import { createHttpApp } from '@qn/http';
import { createRuntime, type Runtime } from '@qn/runtime';
import { createNewsletterRouter } from '@qn/service-newsletter';
import { createNewsletterWorker } from '@qn/worker-newsletter';
import { DeliveryOutcome } from '@qn/newsletter';
import { testConfig, uniqueName, deleteQueueKeys, eventually } from '@qn/testing';
import { ADMIN_TOKEN, admin } from './support';

/**
 * A relay that answers 550 for one recipient and 451 twice for another: the 5xx is final
 * (outcome `failed`, no retry), the 4xx is retried with backoff until it goes through.
 */
const attempts = new Map<string, number>();
const delivered = new Map<string, number>();
const relay = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onRcptTo(addr, _session, cb) {
    const a = addr.address.toLowerCase();
    const n = (attempts.get(a) ?? 0) + 1;
    attempts.set(a, n);
    if (a.startsWith('perm-'))
      return cb(Object.assign(new Error('5.1.1 User unknown'), { responseCode: 550 }));
    if (a.startsWith('temp-') && n <= 2)
      return cb(Object.assign(new Error('4.7.1 Try again later'), { responseCode: 451 }));
    cb();
  },
  onData(stream, session, cb) {
    stream.on('data', () => undefined);
    stream.on('end', () => {
      for (const r of session.envelope.rcptTo) delivered.set(r.address, (delivered.get(r.address) ?? 0) + 1);
      cb();
    });
  },
});

const db = uniqueName('nlsmtp');
let rt: Runtime;
let app: Express;
let worker: Worker;

beforeAll(async () => {
  await new Promise<void>((r) => relay.listen(0, '127.0.0.1', () => r()));
  const port = (relay.server.address() as AddressInfo).port;
  const config = testConfig(db, { ADMIN_TOKEN, LOG_LEVEL: 'silent', SMTP_URL: `smtp://127.0.0.1:${port}` });
  rt = await createRuntime(config, { name: 'nlsmtp' });
  app = createHttpApp({
    logger: rt.logger,
    mounts: [{ path: '/api/newsletter', router: createNewsletterRouter(rt) }],
  });
  worker = createNewsletterWorker({
    config,
    connection: rt.workerConnection(),
    redis: rt.redis,
    producer: rt.producer,
    logger: rt.logger,
    ratePerSecond: 0,
    sweepEveryMs: 500,
  });
});
afterAll(async () => {
  await worker.close();
  await mongoose.connection.dropDatabase();
  await rt.close();
  await deleteQueueKeys(rt.config.REDIS_URL, rt.config.QUEUE_PREFIX);
  await new Promise<void>((r) => relay.close(() => r()));
});

it('marks 5xx failed at once and retries 4xx with backoff until delivered', async () => {
  const http = request(app);
  const list = (await http.post('/api/newsletter/lists').set(admin).send({ name: 'Relay' })).body.id;
  const rows = ['ok', 'perm', 'temp'].map((l) => `${l}-${db}@example.org`);
  await http
    .post(`/api/newsletter/lists/${list}/import?mode=consented`)
    .set(admin)
    .set('Content-Type', 'text/csv')
    .send(['email,consent_at', ...rows.map((r) => `${r},2026-03-01T00:00:00Z`)].join('\n'));
  const c = await http
    .post('/api/newsletter/campaigns')
    .set(admin)
    .send({ name: 'relay', subject: 'Relay', bodyMarkdown: 'x', audience: { listIds: [list] } });
  await http.post(`/api/newsletter/campaigns/${c.body.id}/send`).set(admin);
  const p = await eventually(
    'campaign sent',
    async () => (await http.get(`/api/newsletter/campaigns/${c.body.id}/progress`).set(admin)).body,
    { until: (b) => b.status === 'sent', timeoutMs: 60_000 },
  );
  expect(p).toMatchObject({ total: 3, sent: 2, failed: 1, remaining: 0 });
  const [ok, perm, temp] = rows as [string, string, string];
  expect(attempts.get(perm)).toBe(1); // 5xx: never retried
  expect(attempts.get(temp)).toBe(3); // 4xx twice, then accepted
  expect(delivered.get(temp)).toBe(1);
  expect(delivered.get(ok)).toBe(1);
  expect(delivered.get(perm)).toBeUndefined();
  const failed = await DeliveryOutcome.find({ campaignId: c.body.id, status: 'failed' }).lean();
  expect(failed).toHaveLength(1);
  expect(failed[0]!.error).toMatch(/550|User unknown/);
}, 90_000);
