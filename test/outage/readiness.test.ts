import request from 'supertest';
import mongoose from 'mongoose';
import { startAllInOne, type AllInOne } from '@qn/all-in-one';
import { eventually, testConfig, uniqueName } from '@qn/testing';
import {
  startOwnFerret,
  startOwnMailbox,
  startOwnRedis,
  type OwnFerret,
  type OwnMailbox,
  type OwnRedis,
} from './own-servers';

/**
 * /readyz on the test's own FerretDB, redis-server and mailbox: each is stopped and started
 * again; readiness names the one that is down and comes back by itself.
 */
let redis: OwnRedis;
let ferret: OwnFerret;
let mailbox: OwnMailbox;
let aio: AllInOne;

beforeAll(async () => {
  [redis, ferret, mailbox] = await Promise.all([
    startOwnRedis('ready'),
    startOwnFerret('ready'),
    startOwnMailbox(),
  ]);
  const db = uniqueName('ready');
  aio = await startAllInOne(
    testConfig(db, {
      PORT: '0',
      LOG_LEVEL: 'silent',
      MONGODB_URL: `${ferret.url}/${db}`,
      REDIS_URL: redis.url,
      SMTP_URL: mailbox.smtpUrl,
    }),
  );
}, 60_000);
afterAll(async () => {
  await mongoose.connection.dropDatabase().catch(() => {});
  await aio?.stop();
  await Promise.all([redis?.close(), ferret?.close(), mailbox?.close()]);
});

async function downWith(name: string) {
  return eventually(`readyz 503 naming ${name}`, async () => {
    const res = await request(aio.server).get('/readyz');
    if (res.status !== 503) return false;
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    const down = res.body.errors.map((e: { field: string }) => e.field);
    return down.includes(name) ? (res.body as { detail: string; errors: { field: string }[] }) : false;
  });
}

async function ready() {
  return eventually('readyz 200', async () => {
    const res = await request(aio.server).get('/readyz');
    return res.status === 200 ? res.body : false;
  });
}

describe('/readyz', () => {
  it('is ready with every dependency up', async () => {
    const body = await ready();
    expect(body.checks.map((c: { name: string }) => c.name)).toEqual(['database', 'redis', 'mail']);
  });

  it('answers 503 naming Redis while it is down, and 200 again after it is back', async () => {
    await redis.stop();
    const p = await downWith('redis');
    expect(p.detail).toContain('redis');
    expect(p.errors.map((e) => e.field)).toEqual(['redis']);
    await redis.start();
    await ready();
  });

  it('answers 503 naming the database while FerretDB is down, and 200 again after it is back', async () => {
    await ferret.stop();
    const p = await downWith('database');
    expect(p.errors.map((e) => e.field)).toEqual(['database']);
    await ferret.start();
    await ready();
  });

  it('answers 503 naming the mail relay while it is down, and 200 again after it is back', async () => {
    await mailbox.stop();
    const p = await downWith('mail');
    expect(p.errors.map((e) => e.field)).toEqual(['mail']);
    await mailbox.start();
    await ready();
  });
});
