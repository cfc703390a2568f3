import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';

const PREVIEW_ID = /^[A-Za-z0-9_-]{22}$/;
/** Long enough to read a preview of 2,000 rows, short enough that no list lingers in Redis. */
const PREVIEW_TTL_SECONDS = 30 * 60;

type Deps = { redis: Redis; config: { QUEUE_PREFIX: string } };

/**
 * A pasted import held between its preview and the "Importieren" button: in Redis under a
 * random id for a short while, bound to the account that previewed it. Taking it removes it
 * in the same step (GETDEL), so a second click or a reload imports nothing twice.
 */
export function heldPreviews<T extends object>(deps: Deps, kind: string) {
  const keyOf = (id: string) => `${deps.config.QUEUE_PREFIX}:${kind}:${id}`;
  return {
    async hold(accountId: string, value: T): Promise<string> {
      const id = randomBytes(16).toString('base64url');
      await deps.redis.set(keyOf(id), JSON.stringify({ accountId, value }), 'EX', PREVIEW_TTL_SECONDS);
      return id;
    },
    /** The held value, once; undefined for an unknown, expired, spent or someone else's id. */
    async take(accountId: string, id: string): Promise<T | undefined> {
      if (!PREVIEW_ID.test(id)) return undefined;
      const raw = await deps.redis.getdel(keyOf(id));
      const held = raw ? (JSON.parse(raw) as { accountId: string; value: T }) : undefined;
      return held && held.accountId === accountId ? held.value : undefined;
    },
  };
}
