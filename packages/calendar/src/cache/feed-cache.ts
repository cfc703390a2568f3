import { ByteLru } from './byte-lru';
import type { FeedRepresentation } from './feed-representation';
import type { FeedScope } from './feed-scope';

type Generations = { current(scope: FeedScope): { gen: number; at: number } };

type Entry = { rep: FeedRepresentation; scope: FeedScope; gen: number; tag?: string; expiresAt: number };

export type FeedCacheOptions = {
  maxBytes: number;
  /**
   * Upper bound on how long a build is served without a rebuild, even if no invalidation
   * arrives: covers a lost broadcast and lets time windows (cancelled-event retention) move on.
   */
  maxAgeMs: number;
};

export type BuildResult = { rep: FeedRepresentation; tag?: string };

/**
 * Built feeds by key (feed + normalised filter). A hit costs a map lookup; a miss builds once
 * however many requests wait for it (single flight), and a build that raced an invalidation
 * is handed to its waiters but not kept.
 */
export class FeedCache {
  private readonly lru: ByteLru<Entry>;
  private readonly inflight = new Map<string, Promise<FeedRepresentation>>();

  constructor(
    private readonly gens: Generations,
    private readonly opts: FeedCacheOptions,
  ) {
    this.lru = new ByteLru(opts.maxBytes);
  }

  /** A fresh cached build, or undefined. Synchronous, for the hot path. */
  peek(key: string, scope: FeedScope): FeedRepresentation | undefined {
    const e = this.lru.get(key);
    if (!e) return undefined;
    if (e.gen !== this.gens.current(scope).gen || Date.now() >= e.expiresAt) {
      this.lru.delete(key);
      return undefined;
    }
    return e.rep;
  }

  get(
    key: string,
    scope: FeedScope,
    build: () => Promise<BuildResult>,
    maxAgeMs: number = this.opts.maxAgeMs,
  ): FeedRepresentation | Promise<FeedRepresentation> {
    const hit = this.peek(key, scope);
    if (hit) return hit;
    const gen = this.gens.current(scope).gen;
    // Keyed by generation too: a request after an invalidation must not join a build that
    // started before it.
    const flightKey = `${gen}|${key}`;
    let p = this.inflight.get(flightKey);
    if (!p) {
      p = build()
        .then(({ rep, tag }) => {
          if (this.gens.current(scope).gen === gen) {
            this.lru.set(
              key,
              { rep, scope, gen, tag, expiresAt: Date.now() + maxAgeMs },
              rep.body.length * 2,
            );
          }
          return rep;
        })
        .finally(() => this.inflight.delete(flightKey));
      this.inflight.set(flightKey, p);
    }
    return p;
  }

  /** Drops entries carrying `tag` (e.g. one person's feed after rotation or revocation). */
  dropTag(tag: string): number {
    return this.lru.deleteWhere((_k, e) => e.tag === tag);
  }

  clear(): void {
    this.lru.clear();
  }

  stats(): { entries: number; bytes: number } {
    return { entries: this.lru.size, bytes: this.lru.bytes };
  }
}
