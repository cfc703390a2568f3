import request from 'supertest';
import mongoose from 'mongoose';
import { createHttpApp } from '@qn/http';
import { createLogger } from '@qn/log';
import { startAllInOne, type AllInOne } from '@qn/all-in-one';
import { testConfig, uniqueName, waitForMail, deleteQueueKeys } from '@qn/testing';
import { createMetricsRouter } from '@qn/metrics';

/** /metrics on the real stack: after a ping went HTTP → queue → mailer → SMTP, every series is there. */
const ADMIN_TOKEN = 'metrics-admin-token-0123456789abcdef';
const METRICS_TOKEN = 'metrics-scrape-token-0123456789abcdef';
const db = uniqueName('metrics');
const config = testConfig(db, { ADMIN_TOKEN, METRICS_TOKEN, PORT: '0', LOG_LEVEL: 'silent' });
let aio: AllInOne;

beforeAll(async () => {
  aio = await startAllInOne(config);
});
afterAll(async () => {
  await mongoose.connection.dropDatabase();
  await aio.stop();
  await deleteQueueKeys(config.REDIS_URL, config.QUEUE_PREFIX);
});

function sample(body: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of body.split('\n')) {
    if (!line.startsWith(name + '{') && !line.startsWith(name + ' ')) continue;
    const ok = Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`));
    if (ok) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return undefined;
}

describe('/metrics', () => {
  it('refuses a scrape without the bearer token (401) or with a wrong one', async () => {
    const none = await request(aio.server).get('/metrics');
    expect(none.status).toBe(401);
    expect(none.headers['content-type']).toMatch(/problem\+json/);
    expect(none.headers['www-authenticate']).toMatch(/^Bearer/);
    const wrong = await request(aio.server).get('/metrics').set('Authorization', 'Bearer not-the-token');
    expect(wrong.status).toBe(401);
  });

  it('shows request durations by route template, queue counts, mails by kind and process metrics', async () => {
    const to = `metrics-${db}@example.org`;
    const res = await request(aio.server)
      .post('/api/smoke/pings')
      .set('Authorization', `Bearer ${ADMIN_TOKEN}`)
      .send({ to, message: 'Zählbar' });
    expect(res.status).toBe(202);
    await waitForMail({ to });
    await request(aio.server).get('/api/does-not-exist/123');
    await request(aio.server).post('/api/smoke/pings').set('Authorization', `Bearer ${ADMIN_TOKEN}`).send({});

    // The mail arrived; the job is marked completed a moment after the SMTP answer.
    let body = '';
    for (let i = 0; i < 50; i++) {
      const m = await request(aio.server).get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`);
      expect(m.status).toBe(200);
      expect(m.headers['content-type']).toMatch(/^text\/plain/);
      body = m.text;
      if ((sample(body, 'qn_queue_jobs', { queue: 'mail', state: 'completed' }) ?? 0) >= 1) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const route = (r: string, status: string) =>
      sample(body, 'qn_http_request_duration_seconds_count', { route: r, status });
    expect(route('/api/smoke/pings', '202')).toBe(1);
    expect(route('/api/smoke/pings', '400')).toBe(1);
    expect(route('unmatched', '404')).toBeGreaterThanOrEqual(1);
    expect(body).not.toContain('does-not-exist');
    for (const queue of ['mail', 'events', 'alerts', 'newsletter', 'domain-events', 'scheduler']) {
      for (const state of ['waiting', 'active', 'delayed', 'failed', 'completed']) {
        expect(sample(body, 'qn_queue_jobs', { queue, state })).toBeGreaterThanOrEqual(0);
      }
    }
    expect(sample(body, 'qn_queue_jobs', { queue: 'mail', state: 'completed' })).toBe(1);
    expect(sample(body, 'qn_queue_scrape_ok', {})).toBe(1);
    expect(sample(body, 'qn_mails_sent_total', { kind: 'smoke' })).toBe(1);
    expect(sample(body, 'qn_process_cpu_user_seconds_total', {})).toBeGreaterThan(0);
    expect(sample(body, 'qn_nodejs_heap_size_used_bytes', {})).toBeGreaterThan(0);
  });

  it('does not exist (404) while no METRICS_TOKEN is configured', async () => {
    const app = createHttpApp({
      logger: createLogger({ level: 'silent' }),
      mounts: [
        {
          path: '/metrics',
          router: createMetricsRouter({
            config: { ...config, METRICS_TOKEN: undefined },
            producer: aio.rt.producer,
          }),
        },
      ],
    });
    const res = await request(app).get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`);
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
  });
});
