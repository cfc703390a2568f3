import { deleteQueueKeys, testConfig, uniqueName } from '@qn/testing';
import { AppError } from '@qn/domain';
import { createProducerConnection } from './redis-connection';
import { withRedisLock } from './redis-lock';

/** The lock on the real Redis: one holder at a time, and only the holder releases it. */
const config = testConfig(uniqueName('lock'));
const redis = createProducerConnection(config.REDIS_URL);
const key = `${config.QUEUE_PREFIX}:lock:test`;

// A producer connection has no offline queue: commands before it is ready fail fast, by design.
beforeAll(() => new Promise((r) => redis.once('ready', r)));
afterAll(async () => {
  redis.disconnect();
  await deleteQueueKeys(config.REDIS_URL, config.QUEUE_PREFIX);
});

describe('withRedisLock', () => {
  it('runs concurrent callers one at a time', async () => {
    let inside = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 10 }, () =>
        withRedisLock(
          redis,
          key,
          async () => {
            most = Math.max(most, ++inside);
            await new Promise((r) => setTimeout(r, 5));
            inside--;
          },
          { busyMessage: 'busy' },
        ),
      ),
    );
    expect(most).toBe(1);
    expect(await redis.exists(key)).toBe(0);
  });

  it('tells a caller that will not wait: 409 with busyCode conflict, else 503', async () => {
    let release!: () => void;
    const held = withRedisLock(redis, key, () => new Promise<void>((r) => (release = r)), {
      busyMessage: 'busy',
    });
    await new Promise((r) => setTimeout(r, 20));
    const noWait = (busyCode?: 'conflict') =>
      withRedisLock(redis, key, async () => 'ran', {
        waitMs: 0,
        busyMessage: 'läuft bereits',
        busyCode,
      }).catch((e: AppError) => e.code);
    expect(await noWait('conflict')).toBe('conflict');
    expect(await noWait()).toBe('unavailable');
    release();
    await held;
    expect(await noWait('conflict')).toBe('ran');
  });

  it('leaves a lock that expired and was taken by another holder alone', async () => {
    await withRedisLock(
      redis,
      key,
      async () => {
        // The TTL passed and someone else holds the key now: the first holder must not free it.
        await redis.set(key, 'someone-else', 'PX', 10_000);
      },
      { ttlMs: 1_000, busyMessage: 'busy' },
    );
    expect(await redis.get(key)).toBe('someone-else');
    await redis.del(key);
  });

  it('renews the lock of a holder that outlives the TTL, and frees it when done', async () => {
    const refusedWhileHeld = await withRedisLock(
      redis,
      key,
      async () => {
        await new Promise((r) => setTimeout(r, 3_500)); // more than twice the TTL
        return withRedisLock(redis, key, async () => 'ran', { waitMs: 0, busyMessage: 'busy' }).catch(
          (err: AppError) => err.code,
        );
      },
      // Renewed every 500 ms: a loaded CI machine may delay a timer by a second and still pass.
      { ttlMs: 1_500, renew: true, busyMessage: 'busy' },
    );
    expect(refusedWhileHeld).toBe('unavailable');
    expect(await redis.get(key)).toBeNull();
  });

  it('lets an unrenewed lock expire after its TTL', async () => {
    const takenOver = await withRedisLock(
      redis,
      key,
      async () => {
        await new Promise((r) => setTimeout(r, 700));
        return withRedisLock(redis, key, async () => 'ran', { waitMs: 0, busyMessage: 'busy' });
      },
      { ttlMs: 500, busyMessage: 'busy' },
    );
    expect(takenOver).toBe('ran');
  });
});
