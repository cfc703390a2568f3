import { ByteLru } from './byte-lru';
import { FeedCache } from './feed-cache';
import { FeedRepresentation } from './feed-representation';
import type { FeedScope } from './feed-scope';

function gens() {
  const g: Record<FeedScope, { gen: number; at: number }> = {
    events: { gen: 0, at: 0 },
    funding: { gen: 0, at: 0 },
  };
  return {
    current: (s: FeedScope) => g[s],
    bump: (s: FeedScope) => (g[s] = { gen: g[s].gen + 1, at: Date.now() }),
  };
}
const rep = (text: string) =>
  FeedRepresentation.fromText(text, new Date('2026-01-01T00:00:00.500Z'), 'x.ics');

describe('ByteLru', () => {
  it('evicts the least recently used entries beyond its byte budget', () => {
    const lru = new ByteLru<string>(10);
    lru.set('a', 'A', 4);
    lru.set('b', 'B', 4);
    lru.get('a');
    lru.set('c', 'C', 4);
    expect(lru.get('b')).toBeUndefined();
    expect(lru.get('a')).toBe('A');
    expect(lru.get('c')).toBe('C');
    expect(lru.bytes).toBe(8);
    lru.set('huge', 'H', 11);
    expect(lru.get('huge')).toBeUndefined();
  });
});

describe('FeedCache', () => {
  it('builds once for concurrent misses and serves hits without building', async () => {
    const g = gens();
    const cache = new FeedCache(g, { maxBytes: 1e6, maxAgeMs: 60_000 });
    let builds = 0;
    const build = async () => {
      builds++;
      await new Promise((r) => setTimeout(r, 5));
      return { rep: rep(`v${builds}`) };
    };
    const all = await Promise.all([1, 2, 3].map(() => cache.get('k', 'events', build)));
    expect(builds).toBe(1);
    expect(new Set(all).size).toBe(1);
    expect(cache.get('k', 'events', build)).toBe(all[0]);
    expect(builds).toBe(1);
  });

  it('rebuilds after its scope is bumped, but not after another scope is', async () => {
    const g = gens();
    const cache = new FeedCache(g, { maxBytes: 1e6, maxAgeMs: 60_000 });
    let n = 0;
    const build = async () => ({ rep: rep(`v${++n}`) });
    await cache.get('k', 'events', build);
    g.bump('funding');
    expect(cache.peek('k', 'events')).toBeDefined();
    g.bump('events');
    expect(cache.peek('k', 'events')).toBeUndefined();
    const again = await cache.get('k', 'events', build);
    expect(again.body.toString()).toBe('v2');
  });

  it('does not keep a build that raced an invalidation', async () => {
    const g = gens();
    const cache = new FeedCache(g, { maxBytes: 1e6, maxAgeMs: 60_000 });
    const served = await cache.get('k', 'events', async () => {
      g.bump('events');
      return { rep: rep('stale') };
    });
    expect(served.body.toString()).toBe('stale');
    expect(cache.peek('k', 'events')).toBeUndefined();
  });

  it('expires entries after their max age and drops tagged ones on demand', async () => {
    const g = gens();
    const cache = new FeedCache(g, { maxBytes: 1e6, maxAgeMs: 60_000 });
    await cache.get('old', 'events', async () => ({ rep: rep('x') }), 0);
    expect(cache.peek('old', 'events')).toBeUndefined();
    await cache.get('p1', 'events', async () => ({ rep: rep('a'), tag: 'anna' }));
    await cache.get('p2', 'events', async () => ({ rep: rep('b'), tag: 'bert' }));
    expect(cache.dropTag('anna')).toBe(1);
    expect(cache.peek('p1', 'events')).toBeUndefined();
    expect(cache.peek('p2', 'events')).toBeDefined();
  });
});

describe('FeedRepresentation', () => {
  it('has one strong ETag per coding and matches any of them, weak or in a list', () => {
    const r = rep('BEGIN:VCALENDAR');
    const tags = [r.etag('identity'), r.etag('gzip'), r.etag('br')];
    expect(new Set(tags).size).toBe(3);
    for (const t of tags) expect(r.matches(t)).toBe(true);
    expect(r.matches(`W/${r.etag('identity')}`)).toBe(true);
    expect(r.matches(`"nope", ${r.etag('br')}`)).toBe(true);
    expect(r.matches('*')).toBe(true);
    expect(r.matches('"nope"')).toBe(false);
    expect(r.lastModified.toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });

  it('compresses once per coding and hands out the same bytes afterwards', async () => {
    const r = rep('BEGIN:VCALENDAR\r\n'.repeat(500));
    const first = await r.bytes('br');
    expect(r.bytes('br')).toBe(first);
    expect(r.weight).toBe(r.body.length + first.length);
  });
});
