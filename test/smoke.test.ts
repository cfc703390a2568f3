import request from 'supertest';
import mongoose from 'mongoose';
import { startAllInOne, type AllInOne } from '@qn/all-in-one';
import { testConfig, uniqueName, waitForMail, deleteQueueKeys } from '@qn/testing';

/**
 * The foundation's slice through the whole real stack: HTTP → FerretDB → BullMQ on Redis →
 * mailer worker → SMTP → dev mailbox. Nothing is mocked; if a server is down this fails.
 */
const ADMIN_TOKEN = 'smoke-admin-token-0123456789abcdef';
const db = uniqueName('smoke');
const config = testConfig(db, { ADMIN_TOKEN, PORT: '0', SEED_DEMO: 'true', LOG_LEVEL: 'error' });
let aio: AllInOne;

beforeAll(async () => {
  aio = await startAllInOne(config);
});
afterAll(async () => {
  await mongoose.connection.dropDatabase();
  await aio.stop();
  await deleteQueueKeys(config.REDIS_URL, config.QUEUE_PREFIX);
});

describe('smoke slice', () => {
  it('writes, enqueues and delivers a mail that arrives in the mailbox', async () => {
    const to = `smoke-${db}@example.org`;
    const res = await request(aio.server)
      .post('/api/smoke/pings')
      .set('Authorization', `Bearer ${ADMIN_TOKEN}`)
      .send({ to, message: 'Grüße aus Köngen' });
    expect(res.status).toBe(202);
    expect(await mongoose.connection.collection('smoke_pings').countDocuments()).toBe(1);
    const [mail] = await waitForMail({ to });
    expect(mail!.subject).toBe('Quartiersnetz: Testnachricht');
    expect(mail!.text).toContain('Grüße aus Köngen');
    expect(mail!.html).toContain('Grüße aus Köngen');
    expect(mail!.text).toContain('/datenschutz');
  });

  it('answers /healthz and /readyz when the database and Redis are up', async () => {
    expect((await request(aio.server).get('/healthz')).status).toBe(200);
    const ready = await request(aio.server).get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body.checks.map((c: { name: string }) => c.name)).toEqual(['database', 'redis', 'mail']);
  });

  it('answers an unknown route with 404 problem+json', async () => {
    const res = await request(aio.server).get('/api/nope');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 404, title: 'Nicht gefunden' });
  });

  it('answers malformed JSON with 400 and an oversized body with 413', async () => {
    const auth = { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' };
    const bad = await request(aio.server).post('/api/smoke/pings').set(auth).send('{"to": ');
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
    const big = await request(aio.server)
      .post('/api/smoke/pings')
      .set(auth)
      .send(JSON.stringify({ to: 'a@example.org', message: 'x'.repeat(200_000) }));
    expect(big.status).toBe(413);
  });

  it('names every bad field, rejects operator injection and stores nothing', async () => {
    const before = await mongoose.connection.collection('smoke_pings').countDocuments();
    const res = await request(aio.server)
      .post('/api/smoke/pings')
      .set('Authorization', `Bearer ${ADMIN_TOKEN}`)
      .send({ to: { $gt: '' }, message: 42, extra: true });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['extra', 'message', 'to']);
    expect(await mongoose.connection.collection('smoke_pings').countDocuments()).toBe(before);
  });

  it('refuses anonymous callers with 401 and a wrong token likewise', async () => {
    expect((await request(aio.server).post('/api/smoke/pings').send({})).status).toBe(401);
    const res = await request(aio.server)
      .post('/api/smoke/pings')
      .set('Authorization', 'Bearer nope')
      .send({});
    expect(res.status).toBe(401);
  });

  it('gives every response a request id', async () => {
    const res = await request(aio.server).get('/healthz');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
