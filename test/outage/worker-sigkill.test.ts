import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Server } from 'node:http';
import request from 'supertest';
import mongoose from 'mongoose';
import type { Worker } from 'bullmq';
import { composeApp } from '@qn/all-in-one';
import { createRuntime, type Runtime } from '@qn/runtime';
import { createMailerWorker } from '@qn/worker-mailer';
import { MailLedger } from '@qn/mail';
import { repoRoot } from '@qn/infra';
import type { Config } from '@qn/config';
import { eventually } from '@qn/testing';
import { ADMIN_TOKEN, configFor, report, startServers, tally, type Servers } from './harness';
import { startTcpGate, type TcpGate } from './tcp-gate';

/**
 * A mailer worker in its own process (the real entry point, workers/mailer/src/main.ts) is
 * killed with SIGKILL while it holds jobs (its relay stopped answering mid-session). Another
 * worker picks them up through BullMQ's stalled-job check once their locks expire (4 s here)
 * and mails each once; mails the killed worker had finished are not sent again.
 */
let s: Servers;
let gate: TcpGate;
let rt: Runtime;
let server: Server;
let child: ChildProcess | undefined;
let recovery: Worker | undefined;
let config: Config;

function spawnWorker(smtpUrl: string): ChildProcess {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'test',
    MONGODB_URL: config.MONGODB_URL,
    REDIS_URL: config.REDIS_URL,
    SMTP_URL: smtpUrl,
    SECRET_KEY: config.SECRET_KEY,
    QUEUE_PREFIX: config.QUEUE_PREFIX,
    LOG_LEVEL: 'silent',
    WORKER_LOCK_MS: String(config.WORKER_LOCK_MS),
    WORKER_STALLED_INTERVAL_MS: String(config.WORKER_STALLED_INTERVAL_MS),
  };
  return spawn(
    process.execPath,
    ['-r', join(__dirname, 'fixtures/register-ts.js'), join(repoRoot, 'workers/mailer/src/main.ts')],
    { env, stdio: ['ignore', 'ignore', 'inherit'] },
  );
}

beforeAll(async () => {
  s = await startServers('sigkill');
  config = configFor(s, 'sigkill');
  // This process only serves HTTP; the one worker is the child.
  rt = await createRuntime(config, { name: 'sigkill-test' });
  server = composeApp(rt).listen(0, '127.0.0.1');
  gate = await startTcpGate(Number(new URL(s.mailbox.smtpUrl).port));
}, 60_000);
afterAll(async () => {
  child?.kill('SIGKILL');
  await recovery?.close();
  await gate?.close();
  await mongoose.connection.dropDatabase().catch(() => {});
  await new Promise((r) => server?.close(r));
  await rt?.close();
  await Promise.all([s?.redis.close(), s?.ferret.close(), s?.mailbox.close()]);
});

async function sendBatch(label: string, n: number): Promise<string[]> {
  const res = await Promise.all(
    Array.from({ length: n }, (_, i) =>
      request(server)
        .post('/api/smoke/pings')
        .set('Authorization', `Bearer ${ADMIN_TOKEN}`)
        .send({ to: `${label}-${i}@outage.example.org`, message: `Ping ${i}` }),
    ),
  );
  expect(res.map((r) => r.status)).toEqual(res.map(() => 202));
  return res.map((_, i) => `${label}-${i}@outage.example.org`);
}

it('recovers the jobs of a SIGKILLed worker via stalled-job detection and mails each once', async () => {
  child = spawnWorker(`smtp://127.0.0.1:${gate.port}`);
  const queue = rt.producer.queue('mail');

  // Batch A goes through the child normally.
  const a = await sendBatch('a', 10);
  await eventually('child delivered batch A', async () => tally(a, s.mailbox.messages()).lost === 0, 60_000);
  await eventually('batch A completed', async () => (await queue.getJobCounts('completed')).completed === 10);

  // The relay stops answering; batch B is taken by the child and held.
  gate.hold();
  const b = await sendBatch('b', 20);
  await eventually('child holds jobs', async () => (await queue.getJobCounts('active')).active! >= 5, 15_000);
  const held = (await queue.getJobCounts('active')).active!;
  child.kill('SIGKILL');
  await new Promise((r) => child!.once('exit', r));

  // A new worker, talking to the relay directly, finds the stalled jobs.
  let stalled = 0;
  recovery = createMailerWorker({
    config,
    connection: rt.workerConnection(),
    logger: rt.logger,
    transport: rt.mailTransport(),
  });
  recovery.on('stalled', () => stalled++);
  const accepted = [...a, ...b];
  await eventually('every ping mailed', async () => tally(accepted, s.mailbox.messages()).lost === 0, 60_000);
  await eventually('queue drained', async () => {
    const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'completed');
    return c.waiting === 0 && c.active === 0 && c.delayed === 0 && c.completed === 30;
  });
  const t = tally(accepted, s.mailbox.messages());
  report('worker SIGKILL', {
    'jobs held when killed': held,
    'recovered as stalled': stalled,
    accepted: accepted.length,
    lost: t.lost,
    duplicated: t.duplicated,
  });
  expect(stalled).toBe(held);
  expect(t).toEqual({ lost: 0, duplicated: 0 });
  expect(await MailLedger.countDocuments({ status: 'sent' })).toBe(30);
}, 120_000);
