import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { Redis } from 'ioredis';

export async function pingRedis(url: string): Promise<boolean> {
  const r = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  try {
    await r.connect();
    return (await r.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    r.disconnect();
  }
}

/**
 * Uses the Redis at `url` if it answers; otherwise starts a local redis-server with AOF
 * persistence and BullMQ's required `noeviction` policy under `dataDir`.
 */
export async function ensureRedis(
  url: string,
  dataDir: string,
): Promise<{ started: boolean; stop: () => void }> {
  if (await pingRedis(url)) return { started: false, stop: () => {} };
  const { port } = new URL(url);
  mkdirSync(dataDir, { recursive: true });
  const child = spawn(
    'redis-server',
    [
      '--bind',
      '127.0.0.1',
      '--port',
      port || '6379',
      '--dir',
      dataDir,
      '--appendonly',
      'yes',
      '--maxmemory-policy',
      'noeviction',
      '--save',
      '',
    ],
    { stdio: 'ignore' },
  );
  for (let i = 0; i < 100; i++) {
    if (await pingRedis(url)) return { started: true, stop: () => child.kill('SIGTERM') };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`redis-server did not come up on ${url} (is the redis-server package installed?)`);
}
