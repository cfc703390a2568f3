import type { Frequency, StoredMatch, SubscriptionDoc } from '../models/subscription';

/**
 * What the index keeps of one confirmed subscription besides its set memberships: enough to
 * re-check the match, pick immediate or digest and check the suppression list without reading
 * the subscription from the database (on FerretDB 1.24's SQLite handler even a lookup by `_id`
 * scans the whole table, see docs/adr/0006).
 */
export type IndexedState = {
  m: StoredMatch;
  k: string[];
  f: Frequency;
  r: boolean;
  /** The address's HMAC (the suppression list's key); never the address. */
  h: string;
};

export type IndexableSubscription = Pick<
  SubscriptionDoc,
  '_id' | 'status' | 'match' | 'keywords' | 'frequency' | 'reminders' | 'emailHash'
>;

export const INDEXED_FIELDS = {
  status: 1,
  match: 1,
  keywords: 1,
  frequency: 1,
  reminders: 1,
  emailHash: 1,
} as const;

/** Only confirmed subscriptions are in the index; anything else is removed from it. */
export function indexedStateOf(s: IndexableSubscription): IndexedState | null {
  if (s.status !== 'confirmed') return null;
  return { m: s.match, k: s.keywords ?? [], f: s.frequency, r: s.reminders, h: s.emailHash };
}
