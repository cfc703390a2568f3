import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import {
  emptyGenerations,
  FEED_SCOPES,
  invalidationKeys,
  type FeedGenerations,
  type FeedScope,
} from './feed-scope';
import type { InvalidationMessage } from './publish-invalidation';

/**
 * A service process's view of the scope generations, kept current by Redis pub/sub: reading
 * it costs nothing per request. On every (re)subscribe it re-reads the hash, so messages missed
 * while disconnected are caught up; while Redis is away the cache's max age bounds staleness.
 */
export class FeedInvalidation {
  private gens: FeedGenerations = emptyGenerations();
  private readonly tagListeners = new Set<(scope: FeedScope, tag: string) => void>();
  private readonly keys: { hash: string; channel: string };

  constructor(
    private readonly subscriber: Redis,
    private readonly reader: Redis,
    prefix: string,
    private readonly log?: Logger,
  ) {
    this.keys = invalidationKeys(prefix);
  }

  async start(): Promise<void> {
    this.subscriber.on('message', (channel: string, raw: string) => {
      if (channel === this.keys.channel) this.onMessage(raw);
    });
    // ioredis re-subscribes by itself after a reconnect; 'ready' fires each time.
    this.subscriber.on('ready', () => void this.refresh());
    await this.subscriber.subscribe(this.keys.channel);
    await this.refresh();
  }

  current(scope: FeedScope): { gen: number; at: number } {
    return this.gens[scope];
  }

  onTag(listener: (scope: FeedScope, tag: string) => void): void {
    this.tagListeners.add(listener);
  }

  /** Applies a change made in this process at once, without waiting for the broadcast. */
  apply(msg: InvalidationMessage): void {
    if (msg.tag) {
      for (const l of this.tagListeners) l(msg.scope, msg.tag);
      return;
    }
    // Any other generation means "changed": compared for equality, not order, so a Redis that
    // lost its data (counters restarting at 1) still invalidates instead of being ignored.
    const cur = this.gens[msg.scope];
    if (msg.gen !== cur.gen) this.gens = { ...this.gens, [msg.scope]: { gen: msg.gen, at: msg.at } };
  }

  private onMessage(raw: string): void {
    try {
      const msg = JSON.parse(raw) as InvalidationMessage;
      if (!FEED_SCOPES.includes(msg.scope)) return;
      if (msg.tag === '') delete msg.tag;
      this.apply(msg);
    } catch (err) {
      this.log?.warn({ err: (err as Error).message }, 'ignoring malformed feed invalidation');
    }
  }

  async refresh(): Promise<void> {
    try {
      const h = await this.reader.hgetall(this.keys.hash);
      for (const scope of FEED_SCOPES) {
        const gen = Number(h[scope] ?? 0);
        this.apply({ scope, gen, at: Number(h[`${scope}:at`] ?? 0) });
      }
    } catch (err) {
      this.log?.warn({ err: (err as Error).message }, 'could not read feed generations');
    }
  }
}
