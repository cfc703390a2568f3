import { ByteLru, type FeedScope } from '@qn/calendar';
import type { SendOptions } from './send-feed';

export type ServedFeed = { key: string; scope: FeedScope; send: SendOptions };

/**
 * Which cache entry an exact request URL was answered from, remembered after the router has
 * validated it. Lets the fast path answer a repeat of that URL from the cache without parsing
 * or validating again; anything it does not know goes through the router.
 */
export class FeedUrlIndex {
  private readonly lru = new ByteLru<ServedFeed>(2 * 1024 * 1024);

  remember(url: string, served: ServedFeed): void {
    this.lru.set(url, served, url.length * 2 + 200);
  }

  lookup(url: string): ServedFeed | undefined {
    return this.lru.get(url);
  }
}
