/**
 * What a built feed depends on. A domain event bumps the generation of a scope, and every
 * cached feed of that scope built before the bump is stale from then on.
 */
export const FEED_SCOPES = ['events', 'funding'] as const;
export type FeedScope = (typeof FEED_SCOPES)[number];

export type FeedGenerations = Record<FeedScope, { gen: number; at: number }>;

export function emptyGenerations(): FeedGenerations {
  return { events: { gen: 0, at: 0 }, funding: { gen: 0, at: 0 } };
}

/** Redis names under the deployment's prefix, shared by the worker and every service process. */
export function invalidationKeys(prefix: string): { hash: string; channel: string } {
  return { hash: `${prefix}:calendar:generations`, channel: `${prefix}:calendar:invalidate` };
}
