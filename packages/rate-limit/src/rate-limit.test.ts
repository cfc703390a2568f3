import { Router, type Express } from 'express';
import request from 'supertest';
import { Redis } from 'ioredis';
import { createHttpApp } from '@qn/http';
import { createLogger } from '@qn/log';
import { createProducerConnection } from '@qn/queue';
import { testConfig, uniqueName, deleteQueueKeys } from '@qn/testing';
import { freePort } from '@qn/infra';
import { loadConfig } from '@qn/config';
import { publicWriteLimits, rateLimit, byClientAddress, clientKeyOf, limitAddressOf } from './index';

/** Rate limits on the real Redis; two apps with their own connections stand for two processes. */
const config = testConfig(uniqueName('ratelimit'), {
  RATE_LIMIT_PER_IP: '8',
  RATE_LIMIT_PER_EMAIL: '3',
  RATE_LIMIT_WINDOW_SECONDS: '60',
  RATE_LIMIT_PUBLIC_WRITES_PER_IP: '1000',
});
const connections: Redis[] = [];
const env = { MONGODB_URL: config.MONGODB_URL, SMTP_URL: config.SMTP_URL, SECRET_KEY: config.SECRET_KEY };

function appWith(
  redis: Redis,
  name = 'demo.subscribe',
  trustProxy?: boolean | number | string[],
  limits = config,
): Express {
  const router = Router();
  let stored = 0;
  router.post('/', ...publicWriteLimits({ redis, config: limits }, name), (req, res) => {
    // Stands for the handler's own validation: such a request must not count per address.
    if ((req.body as { valid?: boolean }).valid === false) return void res.status(400).end();
    stored++;
    res.status(201).json({ stored });
  });
  return createHttpApp({
    logger: createLogger({ level: 'silent' }),
    mounts: [{ path: '/subscribe', router }],
    trustProxy,
  });
}

/** A producer connection (no offline queue), as services have it: ready before the first request. */
async function connection(): Promise<Redis> {
  const c = createProducerConnection(config.REDIS_URL);
  c.on('error', () => {});
  connections.push(c);
  await new Promise((r) => c.once('ready', r));
  return c;
}

afterAll(async () => {
  await Promise.all(
    connections.map((c) =>
      c.status === 'ready' ? new Promise((r) => (c.once('end', r), void c.quit())) : c.disconnect(),
    ),
  );
  await deleteQueueKeys(config.REDIS_URL, config.QUEUE_PREFIX);
});

describe('rateLimit', () => {
  it('allows the configured number per email address (normalised), then 429 problem+json with Retry-After', async () => {
    const app = appWith(await connection(), 'email-test');
    const variants = ['Anna@Example.org', ' anna@example.org', 'ANNA@EXAMPLE.ORG'];
    for (const email of variants) {
      expect((await request(app).post('/subscribe').send({ email })).status).toBe(201);
    }
    const res = await request(app).post('/subscribe').send({ email: 'anna@example.org' });
    expect(res.status).toBe(429);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 429, title: 'Zu viele Anfragen' });
    const retryAfter = Number(res.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Another address is not affected.
    expect((await request(app).post('/subscribe').send({ email: 'bert@example.org' })).status).toBe(201);
  });

  it('limits per client address across two processes sharing Redis', async () => {
    const a = appWith(await connection(), 'ip-test');
    const b = appWith(await connection(), 'ip-test');
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      const res = await request(i % 2 ? a : b)
        .post('/subscribe')
        .send({ email: `p${i}@example.org` });
      statuses.push(res.status);
    }
    expect(statuses.filter((s) => s === 201)).toHaveLength(8);
    expect(statuses.slice(8)).toEqual([429, 429]);
  });

  it('counts visitors behind a trusted proxy apart, and ignores X-Forwarded-For from anyone else', async () => {
    const redis = await connection();
    const burst = async (app: Express, name: string) => {
      const statuses: number[] = [];
      for (let i = 0; i < 10; i++) {
        const res = await request(app)
          .post('/subscribe')
          .set('X-Forwarded-For', `203.0.113.${i}`)
          .send({ email: `${name}${i}@example.org` });
        statuses.push(res.status);
      }
      return statuses.filter((s) => s === 429).length;
    };
    // supertest connects from loopback: trusted by default, so ten visitors, ten addresses.
    expect(
      await burst(
        appWith(redis, 'xff-trusted', loadConfig({ ...env, TRUST_PROXY: 'loopback' }).TRUST_PROXY),
        'a',
      ),
    ).toBe(0);
    // A proxy elsewhere is named: the loopback peer is not it, so its header is a client's claim.
    const other = loadConfig({ ...env, TRUST_PROXY: '10.20.0.0/16' }).TRUST_PROXY;
    expect(await burst(appWith(redis, 'xff-other', other), 'b')).toBe(2);
    expect(
      await burst(appWith(redis, 'xff-off', loadConfig({ ...env, TRUST_PROXY: 'false' }).TRUST_PROXY), 'c'),
    ).toBe(2);
  });

  it('lets exactly `limit` of a concurrent burst through', async () => {
    const redis = await connection();
    const router = Router();
    router.post(
      '/',
      rateLimit({
        redis,
        prefix: config.QUEUE_PREFIX,
        name: 'burst',
        key: byClientAddress,
        limit: 10,
        windowSeconds: 60,
      }),
      (_req, res) => void res.status(201).end(),
    );
    const app = createHttpApp({
      logger: createLogger({ level: 'silent' }),
      mounts: [{ path: '/b', router }],
    });
    const statuses = await Promise.all(Array.from({ length: 40 }, () => request(app).post('/b').send({})));
    expect(statuses.filter((r) => r.status === 201)).toHaveLength(10);
    expect(statuses.filter((r) => r.status === 429)).toHaveLength(30);
  });

  it('keeps no address in clear in Redis', async () => {
    const r = await connection();
    const keys = await r.keys(`${config.QUEUE_PREFIX}:rl:*`);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.join(' ')).not.toMatch(/@|anna|127\.0\.0\.1|::1/);
  });

  it('lets requests through when Redis is unreachable (the write behind it answers for itself)', async () => {
    // Never connected, like a producer connection while Redis is down: every command fails at once.
    const down = new Redis(`redis://127.0.0.1:${await freePort()}`, {
      enableOfflineQueue: false,
      lazyConnect: true,
    });
    connections.push(down);
    const app = appWith(down, 'down-test');
    for (let i = 0; i < 5; i++) {
      expect((await request(app).post('/subscribe').send({ email: 'c@example.org' })).status).toBe(201);
    }
  });
});

describe('who a limit counts', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:db8:1:2::9', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002:ffff::1', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
  ])('client %s counts as %s', (ip, key) => {
    expect(clientKeyOf(ip)).toBe(key);
  });

  it('counts an address without its +tag', () => {
    expect(limitAddressOf(' Anna+1@Example.org')).toBe('anna@example.org');
    expect(limitAddressOf('anna+news+x@example.org')).toBe('anna@example.org');
  });
});

describe('public write limits', () => {
  const limited = {
    ...config,
    RATE_LIMIT_PER_IP: 100,
    RATE_LIMIT_PER_EMAIL: 3,
    RATE_LIMIT_PUBLIC_WRITES_PER_IP: 100,
  };
  const from = (app: Express, ip: string, body: object) =>
    request(app).post('/subscribe').set('X-Forwarded-For', ip).send(body);

  it('never lets a stranger elsewhere lock the owner out, nor invalid requests count', async () => {
    const app = appWith(await connection(), 'lockout', 'loopback' as never, limited);
    const victim = 'organiser@example.org';
    for (let i = 0; i < 5; i++) await from(app, '198.51.100.66', { email: victim });
    expect((await from(app, '198.51.100.66', { email: victim })).status).toBe(429);
    // Malformed requests with the owner's address from the owner's own network count nothing.
    for (let i = 0; i < 10; i++)
      expect((await from(app, '192.0.2.10', { email: victim, valid: false })).status).toBe(400);
    for (let i = 0; i < 3; i++) expect((await from(app, '192.0.2.10', { email: victim })).status).toBe(201);
    expect((await from(app, '192.0.2.10', { email: victim })).status).toBe(429);
  });

  it('counts plus-addresses as one address and an IPv6 /64 as one client', async () => {
    const app = appWith(await connection(), 'plus', 'loopback' as never, limited);
    const statuses = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await from(app, `2001:db8:7:7::${i + 1}`, { email: `anna+${i}@example.org` })).status);
    expect(statuses).toEqual([201, 201, 201, 429]);
  });

  it('holds one limit across every public endpoint of a client', async () => {
    const redis = await connection();
    const across = { ...limited, RATE_LIMIT_PUBLIC_WRITES_PER_IP: 4 };
    const apps = ['one', 'two', 'three'].map((n) =>
      appWith(redis, `across.${n}`, 'loopback' as never, across),
    );
    const statuses = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await from(apps[i % 3]!, '198.51.100.9', { email: `p${i}@example.org` })).status);
    expect(statuses).toEqual([201, 201, 201, 201, 429, 429]);
  });
});
