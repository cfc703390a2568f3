import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Server } from 'node:http';
import mongoose from 'mongoose';
import type { Redis } from 'ioredis';
import { connectDb, closeDb } from '@qn/db';
import { AuditEntry, recordAudit } from '@qn/audit';
import { Producer, createProducerConnection } from '@qn/queue';
import { deleteQueueKeys, testConfig, uniqueName, waitForMail } from '@qn/testing';
import { freePort, repoRoot, startChild, waitLogged, waitReady, type Child } from './child-process';
import { startPathProxy } from './path-proxy';

/**
 * The split layout on one machine: every service and worker below runs from its built
 * `dist/main.js` as its own node process, behind one origin (a path-prefix proxy, as nginx in
 * production), on the real FerretDB, Redis and mailbox. The same build the all-in-one runs.
 */
const ADMIN_TOKEN = 'split-admin-token-0123456789abcdef';
const METRICS_TOKEN = 'split-metrics-token-0123456789abcdef';
const db = uniqueName('split');
const config = testConfig(db, { ADMIN_TOKEN, METRICS_TOKEN });

const services = [
  { name: 'service-smoke', entry: 'services/smoke/dist/main.js', prefixes: ['/api/smoke'] },
  { name: 'service-events', entry: 'services/events/dist/main.js', prefixes: ['/api/events'] },
  { name: 'service-funding', entry: 'services/funding/dist/main.js', prefixes: ['/api/funding'] },
  { name: 'service-newsletter', entry: 'services/newsletter/dist/main.js', prefixes: ['/api/newsletter'] },
  { name: 'service-calendar', entry: 'services/calendar/dist/main.js', prefixes: ['/feeds'] },
  { name: 'service-ops', entry: 'services/ops/dist/main.js', prefixes: ['/api/audit', '/metrics', '/api/inbound', '/api/openapi.json', '/api/docs'] },
] as const;
const workers = [
  { name: 'worker-mailer', entry: 'workers/mailer/dist/main.js', started: 'mailer worker started' },
  { name: 'worker-scheduler', entry: 'workers/scheduler/dist/main.js', started: 'scheduler worker started' },
] as const;

const children: Child[] = [];
let proxy: { url: string; server: Server };
let producer: Producer;
let redis: Redis;
let workerEndpoints: string[] = [];

const env = (publicUrl: string): Record<string, string> => ({
  NODE_ENV: 'test',
  HOST: '127.0.0.1',
  PUBLIC_URL: publicUrl,
  MONGODB_URL: config.MONGODB_URL,
  REDIS_URL: config.REDIS_URL,
  SMTP_URL: config.SMTP_URL,
  SECRET_KEY: config.SECRET_KEY,
  ADMIN_TOKEN,
  METRICS_TOKEN,
  QUEUE_PREFIX: config.QUEUE_PREFIX,
  // info: workers announce "started"; nothing here logs tokens or addresses.
  LOG_LEVEL: 'info',
});

beforeAll(async () => {
  // turbo rebuilds only what changed since the last build (cached by input), so dist is never
  // stale against src; a cold build of these entry points takes about a minute here.
  const filters = [...services, ...workers].map((p) => `--filter=@qn/${p.name}...`);
  await promisify(execFile)('npx', ['turbo', 'run', 'build', '--output-logs=errors-only', ...filters], {
    cwd: repoRoot,
    timeout: 480_000,
  });

  const ports = await Promise.all(services.map(() => freePort()));
  const routes: Record<string, number> = {};
  services.forEach((s, i) => s.prefixes.forEach((p) => (routes[p] = ports[i]!)));
  proxy = await startPathProxy(routes);

  // The first process creates the admin account and indexes; the others start once it is
  // ready, so their start-up upserts find them instead of racing for them.
  const [first, ...rest] = services;
  const smoke = startChild(first.name, first.entry, env(proxy.url), ports[0]);
  children.push(smoke);
  await waitReady(smoke);
  const others = rest.map((s, i) => startChild(s.name, s.entry, env(proxy.url), ports[i + 1]));
  // Workers get their own endpoint port (METRICS_PORT); PORT stays unset for them.
  const workerPorts = await Promise.all(workers.map(() => freePort()));
  const ws = workers.map((w, i) =>
    startChild(w.name, w.entry, { ...env(proxy.url), METRICS_PORT: String(workerPorts[i]) }),
  );
  workerEndpoints = workerPorts.map((p) => `http://127.0.0.1:${p}`);
  children.push(...others, ...ws);
  await Promise.all([
    ...others.map((c) => waitReady(c)),
    ...ws.map((c, i) => waitLogged(c, workers[i]!.started)),
  ]);

  await connectDb({ url: config.MONGODB_URL });
  redis = createProducerConnection(config.REDIS_URL);
  producer = new Producer(redis, config.QUEUE_PREFIX);
}, 600_000);

afterAll(async () => {
  await Promise.all(children.map((c) => c.stop()));
  proxy?.server.closeAllConnections();
  await new Promise((r) => proxy?.server.close(r));
  await producer?.close();
  redis?.disconnect();
  if (mongoose.connection.readyState === 1) await mongoose.connection.dropDatabase();
  await closeDb();
  await deleteQueueKeys(config.REDIS_URL, config.QUEUE_PREFIX);
}, 60_000);

const auth = { Authorization: `Bearer ${ADMIN_TOKEN}` };

describe('split layout: one process per service and worker behind one origin', () => {
  it('runs the smoke path: HTTP in the smoke service, mail from the separate mailer worker', async () => {
    const to = `split-${db}@example.org`;
    const res = await fetch(`${proxy.url}/api/smoke/pings`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ to, message: 'Grüße aus getrennten Prozessen' }),
    });
    expect(res.status).toBe(202);
    expect(await mongoose.connection.collection('smoke_pings').countDocuments()).toBe(1);
    const [mail] = await waitForMail({ to }, { timeoutMs: 30_000 });
    expect(mail!.subject).toBe('Quartiersnetz: Testnachricht');
    expect(mail!.text).toContain('Grüße aus getrennten Prozessen');
    expect(mail!.text).toContain(`${proxy.url}/datenschutz`);
  });

  it('answers each path prefix from its own service', async () => {
    const events = await fetch(`${proxy.url}/api/events`);
    expect(events.status).toBe(200);
    const programmes = await fetch(`${proxy.url}/api/funding/programmes`);
    expect(programmes.status).toBe(200);
    // The newsletter service's console refuses anonymous callers itself: a problem, not a 404.
    const lists = await fetch(`${proxy.url}/api/newsletter/lists`);
    expect(lists.status).toBe(401);
    expect(lists.headers.get('content-type')).toMatch(/problem\+json/);
    expect((await fetch(`${proxy.url}/api/newsletter/lists`, { headers: auth })).status).toBe(200);
    const feeds = await fetch(`${proxy.url}/feeds/`);
    expect(feeds.status).toBe(200);
    const ics = await fetch(`${proxy.url}/feeds/events.ics`);
    expect(ics.status).toBe(200);
    expect(ics.headers.get('content-type')).toMatch(/text\/calendar/);
    expect((await fetch(`${proxy.url}/api/audit`, { headers: auth })).status).toBe(200);
  });

  it('serves /metrics of the ops process only with its token', async () => {
    expect((await fetch(`${proxy.url}/metrics`)).status).toBe(401);
    const res = await fetch(`${proxy.url}/metrics`, {
      headers: { Authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/^# HELP /m);
  });

  it('serves each process its own counters: a service on its port, a worker on METRICS_PORT', async () => {
    const bearer = { Authorization: `Bearer ${METRICS_TOKEN}` };
    const mailer = workerEndpoints[workers.findIndex((w) => w.name === 'worker-mailer')]!;
    expect((await fetch(`${mailer}/metrics`)).status).toBe(401);
    expect((await fetch(`${mailer}/readyz`)).status).toBe(200);
    const mailerText = await (await fetch(`${mailer}/metrics`, { headers: bearer })).text();
    // The smoke mail of the first test went out through this process.
    expect(mailerText).toMatch(/^qn_mails_sent_total\{kind="smoke"\} 1$/m);
    expect(mailerText).not.toMatch(/^qn_queue_jobs/m);
    // The events service counts its own requests; the queue gauges come from ops alone.
    const eventsPort = children.find((c) => c.name === 'service-events')!.port!;
    const eventsText = await (
      await fetch(`http://127.0.0.1:${eventsPort}/metrics`, { headers: bearer })
    ).text();
    expect(eventsText).toMatch(
      /^qn_http_request_duration_seconds_count\{.*route="\/api\/events\/?".*\} \d+$/m,
    );
    expect(eventsText).not.toMatch(/^qn_queue_jobs/m);
    const opsText = await (await fetch(`${proxy.url}/metrics`, { headers: bearer })).text();
    expect(opsText).toMatch(/^qn_queue_jobs\{.*queue="mail".*\} \d+$/m);
  });

  it('serves the API reference of every service from ops', async () => {
    const doc = (await (await fetch(`${proxy.url}/api/openapi.json`)).json()) as { paths: Record<string, unknown> };
    for (const path of ['/api/events', '/api/funding/programmes', '/api/newsletter/lists', '/api/inbound/{secret}']) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    expect((await fetch(`${proxy.url}/api/docs`)).status).toBe(200);
  });

  it('runs a housekeeping job on the separate scheduler worker', async () => {
    const old = new Date(Date.now() - 400 * 24 * 3600 * 1000);
    const base = {
      actorAccountId: 'admin-1',
      actorRole: 'admin',
      action: 'event.update',
      objectType: 'event',
    };
    await recordAudit({ ...base, at: old, objectId: 'split-old' });
    await recordAudit({ ...base, objectId: 'split-new' });
    await producer.enqueue('scheduler.delete-audit-entries', {});
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && (await AuditEntry.countDocuments({ objectId: 'split-old' })) > 0)
      await new Promise((r) => setTimeout(r, 100));
    expect(await AuditEntry.countDocuments({ objectId: 'split-old' })).toBe(0);
    expect(await AuditEntry.countDocuments({ objectId: 'split-new' })).toBe(1);
  });

  it('leaves every process running (none crashed along the way)', () => {
    expect(children.filter((c) => c.exited()).map((c) => c.name)).toEqual([]);
  });
});
