import { Schema } from 'mongoose';
import { defineModel } from '@qn/db';
import type { IndexedState } from '../match-index/indexed-state';

/**
 * Outbox of the Redis match index: every domain write that changes what a subscription
 * matches (confirm, filter change, unsubscribe, end, erasure) adds one of these after its
 * database write, carrying the subscription's state as read back then (`state: null` = no
 * longer matchable). The matcher and the rebuild apply them in `_id` order under the index
 * lock and delete what they applied. Writing here needs no Redis, so the callers (HTTP
 * handlers, the privacy erasure) keep their signatures, and a Redis outage cannot lose a
 * change: it waits here.
 */
export type MatchIndexChangeDoc = {
  /** `<time, base36, fixed width>-<subscription>-<random>`: sorts by time of writing. */
  _id: string;
  subscriptionId: string;
  state: IndexedState | null;
  at: Date;
};

const schema = new Schema<MatchIndexChangeDoc>(
  {
    _id: { type: String, required: true },
    subscriptionId: { type: String, required: true },
    state: { type: Schema.Types.Mixed, default: null },
    at: { type: Date, required: true },
  },
  { versionKey: false, collection: 'funding_match_index_changes', minimize: false },
);

export const MatchIndexChange = defineModel<MatchIndexChangeDoc>('FundingMatchIndexChange', schema);
