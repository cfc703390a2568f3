import type { Redis } from 'ioredis';
import { withRedisLock } from '@qn/queue';

export type AccountDeps = { redis: Redis; keyPrefix: string };

/**
 * Changes to one account's memberships and role are read-modify-writes of one document, which
 * FerretDB does not apply atomically: two admins editing the same person at once take turns.
 */
export function withAccountLock<T>(deps: AccountDeps, accountId: string, fn: () => Promise<T>): Promise<T> {
  return withRedisLock(deps.redis, `${deps.keyPrefix}:lock:account:${accountId}`, fn, {
    waitMs: 10_000,
    busyMessage: 'Das Konto wird gerade geändert. Bitte gleich erneut versuchen.',
  });
}

/**
 * The admin role is held by few accounts, and checks on it ("not the last one") must see each
 * other: every change to who is admin or active runs under this one lock.
 */
export function withAdminsLock<T>(deps: AccountDeps, fn: () => Promise<T>): Promise<T> {
  return withRedisLock(deps.redis, `${deps.keyPrefix}:lock:admins`, fn, {
    waitMs: 10_000,
    busyMessage: 'Die Konten werden gerade geändert. Bitte gleich erneut versuchen.',
  });
}
